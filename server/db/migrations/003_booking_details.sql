-- Booking details beyond the claim: whose phone the staff member calls, and what an escort needs.

-- 'elder': the elder's own phone; 'booker': the family member who booked (their choice at booking).
ALTER TABLE bookings ADD COLUMN contact text NOT NULL DEFAULT 'elder' CHECK (contact IN ('elder', 'booker'));

-- One row per escort booking, written in the booking's own transaction. The hospital is kept by
-- id and by name as booked, so a later change to the hospital list does not rewrite history.
CREATE TABLE booking_escort_details (
  booking_id     uuid PRIMARY KEY REFERENCES bookings (id),
  hospital_id    text NOT NULL CHECK (hospital_id ~ '^[a-z0-9-]{1,40}$'),
  hospital_name  text NOT NULL CHECK (char_length(hospital_name) BETWEEN 1 AND 60),
  department     text NOT NULL CHECK (department IN ('cardiology', 'neurology', 'respiratory', 'gastro', 'endocrine',
                   'orthopedics', 'ophthalmology', 'ent', 'urology', 'oncology', 'geriatrics', 'general', 'tcm', 'other')),
  appointment_at timestamptz NOT NULL,
  pick_up        boolean NOT NULL,
  mobility       text[] NOT NULL DEFAULT '{}' CHECK (mobility <@ ARRAY['wheelchair', 'no_stairs', 'hard_of_hearing']::text[])
);

-- Photos of claim documents taken before the visit (一次性告知): the bytes live on disk under
-- FILES_DIR by `storage_name`; this row says whose they are. Images only, at most 5 MB each.
CREATE TABLE booking_files (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  booking_id   uuid NOT NULL REFERENCES bookings (id),
  uploaded_by  uuid NOT NULL REFERENCES users (id),
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  size_bytes   integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 5242880),
  sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  storage_name text NOT NULL UNIQUE CHECK (storage_name ~ '^[0-9a-f-]{36}\.(jpg|png|webp)$'),
  created_at   timestamptz NOT NULL
);
CREATE INDEX booking_files_booking ON booking_files (booking_id, created_at);
