-- The first schema: people, consent, addresses, staff, sessions, bookings and their history.
-- Runs on PostgreSQL 15 (Debian) and PGlite (PostgreSQL 17/18). Instants are timestamptz (UTC).
-- Status, role and service strings mirror domain/lifecycle.ts and domain/services.ts; a test
-- checks that every domain value is accepted here.

-- Needed for "staff_id WITH =" inside the exclusion constraint on bookings.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE users (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  role          text NOT NULL CHECK (role IN ('customer', 'staff', 'dispatcher')),
  name          text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 50),
  phone         text,
  gender        text CHECK (gender IN ('male', 'female')),
  birth_year    integer CHECK (birth_year BETWEEN 1900 AND 2100),
  wechat_openid text UNIQUE,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- A family member may act for an elder only while the elder's consent is recorded and not revoked.
CREATE TABLE family_links (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  family_user_id uuid NOT NULL REFERENCES users (id),
  elder_user_id  uuid NOT NULL REFERENCES users (id),
  relation       text,
  consented_at   timestamptz,
  revoked_at     timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (family_user_id <> elder_user_id),
  CHECK (revoked_at IS NULL OR consented_at IS NULL OR revoked_at >= consented_at)
);
CREATE UNIQUE INDEX family_links_one_open_link ON family_links (family_user_id, elder_user_id) WHERE revoked_at IS NULL;
CREATE INDEX family_links_elder ON family_links (elder_user_id);

CREATE TABLE addresses (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  elder_id   uuid NOT NULL REFERENCES users (id),
  label      text NOT NULL CHECK (char_length(label) BETWEEN 1 AND 20),
  text       text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 200),
  district   text NOT NULL,
  lat        double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lng        double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX addresses_elder ON addresses (elder_id);

CREATE TABLE staff_profiles (
  user_id           uuid PRIMARY KEY REFERENCES users (id),
  staff_no          text NOT NULL UNIQUE,
  gender            text NOT NULL CHECK (gender IN ('male', 'female')),
  skills            text[] NOT NULL CHECK (skills <@ ARRAY['claim', 'escort', 'disability_assessment']::text[]),
  dialects          text[] NOT NULL DEFAULT '{}',
  base_lat          double precision NOT NULL CHECK (base_lat BETWEEN -90 AND 90),
  base_lng          double precision NOT NULL CHECK (base_lng BETWEEN -180 AND 180),
  service_radius_km double precision NOT NULL CHECK (service_radius_km > 0),
  -- ISO weekday ("1" = Monday) → [["09:00","18:00"], …] in China wall-clock time.
  working_hours     jsonb NOT NULL CHECK (jsonb_typeof(working_hours) = 'object'),
  daily_cap         integer NOT NULL CHECK (daily_cap > 0),
  rating            double precision NOT NULL DEFAULT 5 CHECK (rating BETWEEN 0 AND 5),
  -- A bare file name, never a path: served at /media/staff-photos/<photo_path>.
  photo_path        text UNIQUE CHECK (photo_path ~ '^[A-Za-z0-9_-]{1,64}\.svg$'),
  active            boolean NOT NULL DEFAULT true
);

-- Only a hash of the bearer token is kept, so a leaked table cannot be replayed as sessions.
-- The WeChat session_key stays here and is never sent to any client.
CREATE TABLE sessions (
  token_hash         text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  user_id            uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  wechat_session_key text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  expires_at         timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE bookings (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  elder_id         uuid NOT NULL REFERENCES users (id),
  booked_by        uuid NOT NULL REFERENCES users (id),
  booked_by_role   text NOT NULL CHECK (booked_by_role IN ('customer', 'family')),
  service_type     text NOT NULL CHECK (service_type IN ('claim', 'escort')),
  claim_type       text CHECK (claim_type IN ('inpatient', 'outpatient', 'critical_illness', 'accident_disability', 'death', 'other')),
  -- The address as it was when booked: editing a saved address later must not move a visit.
  address_id       uuid REFERENCES addresses (id),
  address_label    text NOT NULL,
  address_text     text NOT NULL,
  address_district text NOT NULL,
  address_lat      double precision NOT NULL,
  address_lng      double precision NOT NULL,
  note             text CHECK (char_length(note) <= 200),
  slot_start       timestamptz NOT NULL,
  slot_end         timestamptz NOT NULL,
  -- The staff member's time the visit holds: travel buffer before the slot, up to its end.
  busy_start       timestamptz NOT NULL,
  busy_end         timestamptz NOT NULL,
  status           text NOT NULL CHECK (status IN ('submitted', 'matching', 'offered', 'confirmed', 'en_route', 'arrived',
                     'in_service', 'completed', 'cancelled', 'unmatched', 'no_show_customer', 'no_show_staff')),
  staff_id         uuid REFERENCES staff_profiles (user_id),
  match_reasons    jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(match_reasons) = 'array'),
  version          integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  idempotency_key  text NOT NULL,
  request_hash     text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT bookings_idempotency UNIQUE (booked_by, idempotency_key),
  CONSTRAINT bookings_slot_order CHECK (slot_end > slot_start AND busy_start <= slot_start AND busy_end >= slot_end),
  CONSTRAINT bookings_claim_type CHECK ((service_type = 'claim') = (claim_type IS NOT NULL)),
  CONSTRAINT bookings_staff_assigned CHECK (staff_id IS NOT NULL OR status IN ('submitted', 'matching', 'unmatched', 'cancelled')),
  -- The database itself refuses two visits holding one staff member's time at once
  -- (SLOT_HOLDING_STATUSES in domain/lifecycle.ts), whatever the application does.
  CONSTRAINT bookings_no_overlap EXCLUDE USING gist (staff_id WITH =, tstzrange(busy_start, busy_end, '[)') WITH &&)
    WHERE (staff_id IS NOT NULL AND status IN ('offered', 'confirmed', 'en_route', 'arrived', 'in_service'))
);
CREATE INDEX bookings_elder_slot ON bookings (elder_id, slot_start);
CREATE INDEX bookings_staff_slot ON bookings (staff_id, slot_start) WHERE staff_id IS NOT NULL;

-- Match history: who was offered which booking, why, and what came of it.
CREATE TABLE booking_offers (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  booking_id uuid NOT NULL REFERENCES bookings (id),
  staff_id   uuid NOT NULL REFERENCES staff_profiles (user_id),
  offered_at timestamptz NOT NULL,
  reasons    jsonb NOT NULL DEFAULT '[]',
  outcome    text NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'accepted', 'declined', 'expired', 'withdrawn')),
  decided_at timestamptz
);
CREATE INDEX booking_offers_booking ON booking_offers (booking_id);

-- Every status change, append-only: the timeline people see is built from these rows.
CREATE TABLE visit_events (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  booking_id  uuid NOT NULL REFERENCES bookings (id),
  seq         integer NOT NULL CHECK (seq >= 1),
  from_status text CHECK (from_status IN ('submitted', 'matching', 'offered', 'confirmed', 'en_route', 'arrived',
                'in_service', 'completed', 'cancelled', 'unmatched', 'no_show_customer', 'no_show_staff')),
  to_status   text NOT NULL CHECK (to_status IN ('submitted', 'matching', 'offered', 'confirmed', 'en_route', 'arrived',
                'in_service', 'completed', 'cancelled', 'unmatched', 'no_show_customer', 'no_show_staff')),
  action      text NOT NULL CHECK (action IN ('submit', 'start_matching', 'offer', 'no_match', 'confirm', 'decline', 'expire',
                'reassign', 'rematch', 'reschedule', 'depart', 'arrive', 'start_service', 'complete', 'cancel',
                'report_customer_no_show', 'record_staff_no_show')),
  actor_role  text NOT NULL CHECK (actor_role IN ('customer', 'family', 'staff', 'dispatcher', 'system')),
  actor_id    uuid REFERENCES users (id),
  -- The staff member the event is about (offer, reassign), for the timeline wording.
  staff_id    uuid REFERENCES staff_profiles (user_id),
  reason      text,
  at          timestamptz NOT NULL,
  CONSTRAINT visit_events_order UNIQUE (booking_id, seq),
  CHECK ((from_status IS NULL) = (action = 'submit'))
);

CREATE FUNCTION visit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'visit_events is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER visit_events_append_only BEFORE UPDATE OR DELETE ON visit_events
  FOR EACH ROW EXECUTE FUNCTION visit_events_refuse_change();
CREATE TRIGGER visit_events_no_truncate BEFORE TRUNCATE ON visit_events
  FOR EACH STATEMENT EXECUTE FUNCTION visit_events_refuse_change();
