-- The whole lifecycle: customer preferences for matching, the one-time door code, offer deadlines,
-- staff leave (illness) and where staff were when they set off and arrived.

-- Soft preferences the matching engine weighs (domain/matching): never hard filters.
ALTER TABLE users ADD COLUMN dialect text CHECK (dialect IS NULL OR char_length(dialect) BETWEEN 1 AND 20);
ALTER TABLE users ADD COLUMN preferred_staff_gender text CHECK (preferred_staff_gender IN ('male', 'female'));

-- The visit passport: six digits shown on the customer's phone, entered by the staff member at the door.
ALTER TABLE bookings ADD COLUMN door_code text CHECK (door_code ~ '^[0-9]{6}$');
-- Wrong codes entered at the door; after a few the check locks and a dispatcher must step in.
ALTER TABLE bookings ADD COLUMN door_code_failures integer NOT NULL DEFAULT 0 CHECK (door_code_failures >= 0);
-- While offered: when the offer lapses and the booking goes back to matching.
ALTER TABLE bookings ADD COLUMN offer_expires_at timestamptz;
CREATE INDEX bookings_offer_expiry ON bookings (offer_expires_at) WHERE status = 'offered';
CREATE INDEX bookings_status ON bookings (status, slot_start) WHERE status IN ('matching', 'unmatched', 'offered');

ALTER TABLE booking_offers ADD COLUMN expires_at timestamptz;
ALTER TABLE booking_offers ADD COLUMN decided_reason text;
CREATE INDEX booking_offers_staff ON booking_offers (staff_id, outcome);

-- Leave (illness, days off) recorded by a dispatcher: the person is not offered visits in it, and
-- the visits they held in it are rematched together.
CREATE TABLE staff_leave (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  staff_id   uuid NOT NULL REFERENCES staff_profiles (user_id),
  starts_at  timestamptz NOT NULL,
  ends_at    timestamptz NOT NULL,
  reason     text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 200),
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at)
);
CREATE INDEX staff_leave_staff ON staff_leave (staff_id, starts_at);

-- Where the staff member was when they set off and when they arrived (recorded, shown to no one
-- but dispatchers).
ALTER TABLE visit_events ADD COLUMN lat double precision CHECK (lat BETWEEN -90 AND 90);
ALTER TABLE visit_events ADD COLUMN lng double precision CHECK (lng BETWEEN -180 AND 180);
