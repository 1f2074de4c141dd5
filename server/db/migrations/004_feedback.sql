-- After the visit: one rating per visit, and complaints with the response times promised to the
-- customer (urgent: taken up within 2 hours, answered within 1 working day; others 15 working days).

CREATE TABLE visit_ratings (
  booking_id  uuid PRIMARY KEY REFERENCES bookings (id),
  rated_by    uuid NOT NULL REFERENCES users (id),
  stars       integer NOT NULL CHECK (stars BETWEEN 1 AND 5),
  nps         integer NOT NULL CHECK (nps BETWEEN 0 AND 10),
  tags        text[] NOT NULL DEFAULT '{}'
                CHECK (tags <@ ARRAY['on_time', 'patient', 'clear', 'kind', 'efficient', 'showed_id', 'late', 'unclear']::text[]),
  comment     text CHECK (char_length(comment) <= 200),
  created_at  timestamptz NOT NULL
);

CREATE TABLE complaints (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  booking_id        uuid NOT NULL REFERENCES bookings (id),
  raised_by         uuid NOT NULL REFERENCES users (id),
  raised_by_role    text NOT NULL CHECK (raised_by_role IN ('customer', 'family')),
  category          text NOT NULL CHECK (category IN ('late_or_absent', 'attitude', 'asked_money', 'not_done', 'privacy', 'other')),
  urgent            boolean NOT NULL,
  text              text CHECK (char_length(text) <= 200),
  status            text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'in_progress', 'answered')),
  internal_deadline timestamptz NOT NULL,
  answer_deadline   timestamptz NOT NULL,
  answer            text CHECK (char_length(answer) BETWEEN 1 AND 500),
  answered_at       timestamptz,
  answered_by       uuid REFERENCES users (id),
  -- A retry after a dropped network sends the same key and gets the same complaint back.
  idempotency_key   text NOT NULL,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  UNIQUE (raised_by, idempotency_key),
  CHECK ((status = 'answered') = (answer IS NOT NULL AND answered_at IS NOT NULL)),
  CHECK (answer_deadline >= created_at AND internal_deadline >= created_at)
);
CREATE INDEX complaints_booking ON complaints (booking_id, created_at);
-- The dispatcher's queue: open complaints, the soonest internal deadline first.
CREATE INDEX complaints_open ON complaints (internal_deadline) WHERE status <> 'answered';
