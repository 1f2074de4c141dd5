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
