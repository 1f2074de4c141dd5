-- The field staff workbench: exactly-once staff writes (idempotency keys), the record of the day
-- (documents, assessment notes, escort milestones, signature) with an append-only log of every
-- change, staff photos and signatures beside the customer's photos, and the latest location of a
-- staff member on the way (kept only while they travel).

-- ---- staff actions, applied once however often the phone's offline queue sends them ----

-- The Idempotency-Key of the staff request that caused the event, and what it asked for (a hash),
-- written by the lifecycle's one insert with the change itself (TransitionInput.idempotency), so
-- the key lands on the very row of the change, in the same transaction, or on none.
ALTER TABLE visit_events ADD COLUMN idempotency_key text CHECK (char_length(idempotency_key) BETWEEN 8 AND 100);
ALTER TABLE visit_events ADD COLUMN request_hash text CHECK (request_hash ~ '^[0-9a-f]{64}$');
ALTER TABLE visit_events ADD CONSTRAINT visit_events_key_has_hash CHECK ((idempotency_key IS NULL) = (request_hash IS NULL));
-- One key, one change, per person.
CREATE UNIQUE INDEX visit_events_idempotency ON visit_events (actor_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

-- ---- photos: the customer's before the visit, the staff member's during it, the signature ----

ALTER TABLE booking_files ADD COLUMN kind text NOT NULL DEFAULT 'customer' CHECK (kind IN ('customer', 'staff', 'signature'));
-- For a staff photo: the checklist item (doc-0…) it shows.
ALTER TABLE booking_files ADD COLUMN item_key text CHECK (item_key ~ '^doc-(?:[0-9]|1[0-9])$');
ALTER TABLE booking_files ADD CONSTRAINT booking_files_item CHECK ((kind = 'staff') = (item_key IS NOT NULL));
ALTER TABLE booking_files ADD CONSTRAINT booking_files_signature_png CHECK (kind <> 'signature' OR content_type = 'image/png');
CREATE INDEX booking_files_kind ON booking_files (booking_id, kind);

-- ---- the record of the day ----

-- A claim's checklist items the staff member has touched (an item without a row is still pending).
CREATE TABLE visit_record_documents (
  booking_id     uuid NOT NULL REFERENCES bookings (id),
  doc_key        text NOT NULL CHECK (doc_key ~ '^doc-(?:[0-9]|1[0-9])$'),
  status         text NOT NULL CHECK (status IN ('pending', 'collected', 'not_available')),
  -- On the handover receipt (原件交接单): only an original that was collected can be taken away.
  original_taken boolean NOT NULL DEFAULT false,
  updated_at     timestamptz NOT NULL,
  PRIMARY KEY (booking_id, doc_key),
  CHECK (NOT original_taken OR status = 'collected')
);

-- An escort's milestones that are done (undoing one removes its row).
CREATE TABLE visit_record_milestones (
  booking_id uuid NOT NULL REFERENCES bookings (id),
  milestone  text NOT NULL CHECK (milestone IN ('picked_up', 'registered', 'seen_doctor', 'medicine_collected', 'home')),
  done_at    timestamptz NOT NULL,
  PRIMARY KEY (booking_id, milestone)
);

-- One row per visit with a record: disability assessment notes and the customer's signature.
CREATE TABLE visit_records (
  booking_id        uuid PRIMARY KEY REFERENCES bookings (id),
  assessment_notes  text CHECK (char_length(assessment_notes) BETWEEN 1 AND 1000),
  signature_file_id uuid REFERENCES booking_files (id),
  signed_at         timestamptz,
  CHECK ((signature_file_id IS NULL) = (signed_at IS NULL))
);

-- Every change of a record, append-only, in the order the server received it: who, when, what,
-- and the Idempotency-Key it came with (a replayed key finds its row here and changes nothing).
CREATE TABLE visit_record_log (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  booking_id      uuid NOT NULL REFERENCES bookings (id),
  seq             integer NOT NULL CHECK (seq >= 1),
  actor_id        uuid NOT NULL REFERENCES users (id),
  at              timestamptz NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('document', 'milestone', 'assessment', 'photo', 'signature')),
  item            text CHECK (char_length(item) <= 40),
  payload         jsonb NOT NULL CHECK (jsonb_typeof(payload) = 'object'),
  idempotency_key text CHECK (char_length(idempotency_key) BETWEEN 8 AND 100),
  request_hash    text CHECK (request_hash ~ '^[0-9a-f]{64}$'),
  CONSTRAINT visit_record_log_order UNIQUE (booking_id, seq),
  CHECK ((idempotency_key IS NULL) = (request_hash IS NULL))
);
CREATE UNIQUE INDEX visit_record_log_idempotency ON visit_record_log (actor_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

CREATE FUNCTION visit_record_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'visit_record_log is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER visit_record_log_append_only BEFORE UPDATE OR DELETE ON visit_record_log
  FOR EACH ROW EXECUTE FUNCTION visit_record_log_refuse_change();
CREATE TRIGGER visit_record_log_no_truncate BEFORE TRUNCATE ON visit_record_log
  FOR EACH STATEMENT EXECUTE FUNCTION visit_record_log_refuse_change();

-- ---- where the staff member is while on the way ----

-- Only the latest point of a visit, only while it is en route: the customer sees an estimated
-- arrival from it, never the point. Whereabouts are sensitive personal data (PIPL art. 28), so the
-- database itself forgets the point the moment the visit leaves en_route, whichever module moved
-- it (arrival, completion, a cancellation, a staff no-show).
CREATE TABLE staff_locations (
  booking_id uuid PRIMARY KEY REFERENCES bookings (id),
  staff_id   uuid NOT NULL REFERENCES staff_profiles (user_id),
  lat        double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lng        double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
  at         timestamptz NOT NULL
);

CREATE FUNCTION staff_locations_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM staff_locations WHERE booking_id = NEW.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER bookings_forget_location AFTER UPDATE OF status ON bookings
  FOR EACH ROW WHEN (NEW.status <> 'en_route') EXECUTE FUNCTION staff_locations_forget();
