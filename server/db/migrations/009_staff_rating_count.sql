-- Customers' ratings move the staff member's rating, which matching weighs. The rating is kept as
-- a running mean with the count of ratings behind it (a seeded or imported rating counts as none).
ALTER TABLE staff_profiles ADD COLUMN rating_count integer NOT NULL DEFAULT 0 CHECK (rating_count >= 0);
