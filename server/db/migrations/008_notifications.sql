-- Notifications that always arrive: the transactional outbox (one message per person, written in
-- the same transaction as the visit's change), its delivery per channel (WeChat subscribe
-- message, then SMS), the visit reminders, and what each person allowed WeChat to send them.
-- Stands on its own on PostgreSQL 15 and PGlite.

-- One message for one person: this row is the in-app copy (我的消息) and the source of every
-- channel's delivery. `source` names what caused it (a visit event, a reminder), so writing the
-- same cause twice for one person is refused by the database.
CREATE TABLE notifications (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  recipient_id   uuid NOT NULL REFERENCES users (id),
  -- How the recipient is related to the visit: the words are written for that reader.
  recipient_role text NOT NULL CHECK (recipient_role IN ('elder', 'family', 'staff')),
  booking_id     uuid REFERENCES bookings (id),
  kind           text NOT NULL CHECK (kind IN ('confirmed', 'departed', 'arrived', 'completed', 'cancelled', 'moved',
                   'unmatched', 'rematching', 'staff_changed', 'customer_no_show', 'staff_no_show',
                   'task_offered', 'task_cancelled', 'task_withdrawn', 'reminder_day', 'reminder_hour')),
  template       text NOT NULL CHECK (template IN ('visit_status', 'visit_reminder', 'staff_task')),
  title          text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 40),
  body           text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 300),
  -- The values of the WeChat template ({ "thing1": …, "time2": …, "thing3": … }) and of the SMS.
  fields         jsonb NOT NULL CHECK (jsonb_typeof(fields) = 'object'),
  source         text NOT NULL CHECK (char_length(source) BETWEEN 1 AND 100),
  created_at     timestamptz NOT NULL,
  read_at        timestamptz,
  CONSTRAINT notifications_once UNIQUE (source, recipient_id)
);
CREATE INDEX notifications_inbox ON notifications (recipient_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread ON notifications (recipient_id) WHERE read_at IS NULL;
CREATE INDEX notifications_booking ON notifications (booking_id);

-- One row per channel to try for a message. Its id is the delivery's identity, written before
-- any call: it is the idempotency id the SMS provider receives, and the claim a worker holds.
--   waiting  – a later channel, tried only if the one before could not deliver
--   pending  – due at next_attempt_at
--   sending  – claimed by a worker until lease_until (a crash leaves it here; see the README)
--   sent / failed / skipped (skip_reason says why) – final
--   unknown  – the provider may or may not have delivered (a crash mid-call that a resend could
--              not settle safely); never sent again, never passed on to the next channel
CREATE TABLE notification_deliveries (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  notification_id uuid NOT NULL REFERENCES notifications (id),
  -- Copied from the message, for the one-in-flight rule below.
  recipient_id    uuid NOT NULL REFERENCES users (id),
  template        text NOT NULL CHECK (template IN ('visit_status', 'visit_reminder', 'staff_task')),
  channel         text NOT NULL CHECK (channel IN ('wechat', 'sms')),
  state           text NOT NULL CHECK (state IN ('waiting', 'pending', 'sending', 'sent', 'failed', 'skipped', 'unknown')),
  attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at timestamptz,
  lease_until     timestamptz,
  -- WeChat only: one of the person's acceptances was taken for this message (given back when
  -- WeChat surely did not deliver it).
  credit_taken    boolean NOT NULL DEFAULT false,
  -- WeChat only: an earlier attempt may have reached WeChat (a crash or a timeout mid-call), so the
  -- next answer is read in that light (see the README: exactly once per channel).
  uncertain       boolean NOT NULL DEFAULT false,
  last_error      text CHECK (char_length(last_error) <= 300),
  skip_reason     text CHECK (skip_reason IN ('no_wechat', 'wechat_off', 'no_acceptance', 'not_subscribed',
                    'no_phone', 'delivered_elsewhere', 'wechat_unknown')),
  provider_ref    text CHECK (char_length(provider_ref) <= 100),
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  sent_at         timestamptz,
  CONSTRAINT notification_deliveries_one_per_channel UNIQUE (notification_id, channel),
  CHECK ((state = 'pending') = (next_attempt_at IS NOT NULL)),
  CHECK ((state = 'sending') = (lease_until IS NOT NULL)),
  CHECK ((state = 'skipped') = (skip_reason IS NOT NULL)),
  CHECK ((state = 'sent') = (sent_at IS NOT NULL))
);
-- What the workers look for: due rows, and rows whose worker died holding them.
CREATE INDEX notification_deliveries_due ON notification_deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX notification_deliveries_leased ON notification_deliveries (lease_until) WHERE state = 'sending';
-- At most one WeChat message per person and template on its way (or waiting to be resent after an
-- unclear outcome): then "no acceptance left" after a resend can only mean the earlier call got through.
CREATE UNIQUE INDEX notification_deliveries_one_in_flight ON notification_deliveries (recipient_id, template)
  WHERE channel = 'wechat' AND (state = 'sending' OR (state = 'pending' AND uncertain));

-- The reminders of a visit: the evening before (18:00 China time) and an hour before. Planned
-- for the slot the visit has; moving the visit deletes the planned ones of the old slot and plans
-- the new ones, cancelling deletes them. A reminder that went out stays as history.
CREATE TABLE visit_reminders (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  booking_id uuid NOT NULL REFERENCES bookings (id),
  kind       text NOT NULL CHECK (kind IN ('day_before', 'hour_before')),
  slot_start timestamptz NOT NULL,
  due_at     timestamptz NOT NULL,
  state      text NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'sent', 'skipped')),
  fired_at   timestamptz,
  CONSTRAINT visit_reminders_once UNIQUE (booking_id, kind, slot_start),
  CHECK ((state = 'planned') = (fired_at IS NULL)),
  CHECK (due_at < slot_start)
);
CREATE INDEX visit_reminders_due ON visit_reminders (due_at) WHERE state = 'planned';

-- WeChat subscribe messages: one acceptance allows one message. Per person and template, the
-- acceptances not used yet, and the last answer (a person who refused is not asked again unless
-- they tap to be asked).
CREATE TABLE notification_subscriptions (
  user_id     uuid NOT NULL REFERENCES users (id),
  template    text NOT NULL CHECK (template IN ('visit_status', 'visit_reminder', 'staff_task')),
  remaining   integer NOT NULL DEFAULT 0 CHECK (remaining BETWEEN 0 AND 1000),
  last_answer text CHECK (last_answer IN ('accept', 'reject', 'ban')),
  answered_at timestamptz,
  PRIMARY KEY (user_id, template)
);
