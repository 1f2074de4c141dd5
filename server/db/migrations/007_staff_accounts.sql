-- Staff accounts made at the dispatch desk: an invitation bound to a staff number, what only a
-- dispatcher sets (certificates, district), when the person joined, and the audit trail of door
-- codes a dispatcher unlocked. Stands on its own on PostgreSQL 15 and PGlite.

-- The district the staff member serves from (their base is its centre when a dispatcher or the
-- staff member picks it); NULL for profiles made before it existed: the nearest centre is shown.
ALTER TABLE staff_profiles ADD COLUMN district text CHECK (district IS NULL OR char_length(district) BETWEEN 2 AND 10);
-- [{ "name": "伤残鉴定", "number": "…", "validUntil": "2031-12-31" | null }, …], set by a dispatcher.
ALTER TABLE staff_profiles ADD COLUMN certificates jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(certificates) = 'array');
-- When the person opened their invitation. Profiles made outside the invitation flow (the seed,
-- imports, everything before this migration) count as joined; a dispatcher's new account sets
-- NULL explicitly and stays inactive until the person joins.
ALTER TABLE staff_profiles ADD COLUMN joined_at timestamptz DEFAULT now();

CREATE TABLE staff_invites (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Only a hash of the link's token: a leaked table cannot be replayed as invitations.
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  staff_id   uuid NOT NULL REFERENCES staff_profiles (user_id),
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  -- Set once when the person joins with it.
  used_at    timestamptz,
  -- Set when a dispatcher issued a newer one: an older link stops working.
  revoked_at timestamptz,
  CHECK (expires_at > created_at),
  CHECK (used_at IS NULL OR revoked_at IS NULL)
);
CREATE INDEX staff_invites_open ON staff_invites (staff_id) WHERE used_at IS NULL AND revoked_at IS NULL;

-- A dispatcher let the staff member try the door code again after too many wrong ones: who, when,
-- why, and how many failures were wiped. Append-only.
CREATE TABLE door_code_unlocks (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  booking_id      uuid NOT NULL REFERENCES bookings (id),
  unlocked_by     uuid NOT NULL REFERENCES users (id),
  reason          text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 200),
  failures_before integer NOT NULL CHECK (failures_before >= 0),
  at              timestamptz NOT NULL
);
CREATE INDEX door_code_unlocks_booking ON door_code_unlocks (booking_id, at);

CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER door_code_unlocks_append_only BEFORE UPDATE OR DELETE ON door_code_unlocks
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER door_code_unlocks_no_truncate BEFORE TRUNCATE ON door_code_unlocks
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- The service levels read the bookings created on a day.
CREATE INDEX bookings_created ON bookings (created_at);
