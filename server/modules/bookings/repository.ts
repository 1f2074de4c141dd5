/** SQL for bookings, their append-only events and the offers made to staff. */
import {
  TERMINAL_STATUSES,
  type ActorRole,
  type ClaimType,
  type ServiceType,
  type TimelineAction,
  type VisitStatus,
} from '@domain';
import type { Queryable } from '../../db';

export interface BookingRow {
  id: string;
  elderId: string;
  bookedBy: string;
  bookedByRole: 'customer' | 'family';
  serviceType: ServiceType;
  claimType: ClaimType | null;
  addressLabel: string;
  addressText: string;
  addressDistrict: string;
  note: string | null;
  slotStart: Date;
  slotEnd: Date;
  status: VisitStatus;
  staffId: string | null;
  matchReasons: string[];
  version: number;
  requestHash: string;
  createdAt: Date;
}

export const BOOKING_COLUMNS = `id, elder_id as "elderId", booked_by as "bookedBy", booked_by_role as "bookedByRole",
  service_type as "serviceType", claim_type as "claimType", address_label as "addressLabel",
  address_text as "addressText", address_district as "addressDistrict", note,
  slot_start as "slotStart", slot_end as "slotEnd", status, staff_id as "staffId",
  match_reasons as "matchReasons", version, request_hash as "requestHash", created_at as "createdAt"`;

export interface NewBooking {
  elderId: string;
  bookedBy: string;
  bookedByRole: 'customer' | 'family';
  serviceType: ServiceType;
  claimType: ClaimType | null;
  address: { id: string; label: string; text: string; district: string; lat: number; lng: number };
  note: string | null;
  slotStart: string;
  slotEnd: string;
  busyStart: Date;
  busyEnd: Date;
  idempotencyKey: string;
  requestHash: string;
  at: Date;
}

export async function insertSubmitted(q: Queryable, b: NewBooking): Promise<BookingRow> {
  const r = await q.query<BookingRow>(
    `insert into bookings (elder_id, booked_by, booked_by_role, service_type, claim_type, address_id, address_label,
       address_text, address_district, address_lat, address_lng, note, slot_start, slot_end, busy_start, busy_end,
       status, idempotency_key, request_hash, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::timestamptz, $14::timestamptz, $15::timestamptz,
       $16::timestamptz, 'submitted', $17, $18, $19::timestamptz, $19::timestamptz)
     returning ${BOOKING_COLUMNS}`,
    [b.elderId, b.bookedBy, b.bookedByRole, b.serviceType, b.claimType, b.address.id, b.address.label, b.address.text,
      b.address.district, b.address.lat, b.address.lng, b.note, b.slotStart, b.slotEnd, b.busyStart.toISOString(),
      b.busyEnd.toISOString(), b.idempotencyKey, b.requestHash, b.at.toISOString()],
  );
  return r.rows[0];
}

export interface StatusChange {
  id: string;
  expectedVersion: number;
  to: VisitStatus;
  at: Date;
  /** undefined: leave as is; null: clear. */
  staffId?: string | null;
  matchReasons?: string[];
}

/** Optimistic concurrency: null when the booking moved on since expectedVersion. */
export async function updateStatus(q: Queryable, c: StatusChange): Promise<BookingRow | null> {
  const r = await q.query<BookingRow>(
    `update bookings
        set status = $3, version = version + 1, updated_at = $4::timestamptz,
            staff_id = case when $5::boolean then $6::uuid else staff_id end,
            match_reasons = coalesce($7::text::jsonb, match_reasons)
      where id = $1 and version = $2
      returning ${BOOKING_COLUMNS}`,
    [c.id, c.expectedVersion, c.to, c.at.toISOString(), c.staffId !== undefined, c.staffId ?? null,
      c.matchReasons ? JSON.stringify(c.matchReasons) : null],
  );
  return r.rows[0] ?? null;
}

export interface NewEvent {
  bookingId: string;
  fromStatus: VisitStatus | null;
  toStatus: VisitStatus;
  action: TimelineAction;
  actorRole: ActorRole;
  actorId: string | null;
  staffId: string | null;
  reason: string | null;
  at: Date;
}

/** Appends the next event; the booking row was written first in this transaction, so seq cannot race. */
export async function appendEvent(q: Queryable, e: NewEvent): Promise<void> {
  await q.query(
    `insert into visit_events (booking_id, seq, from_status, to_status, action, actor_role, actor_id, staff_id, reason, at)
     select $1, coalesce(max(seq), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9::timestamptz
       from visit_events where booking_id = $1`,
    [e.bookingId, e.fromStatus, e.toStatus, e.action, e.actorRole, e.actorId, e.staffId, e.reason, e.at.toISOString()],
  );
}

export async function insertOffer(q: Queryable, o: { bookingId: string; staffId: string; reasons: string[]; at: Date }): Promise<void> {
  await q.query(
    `insert into booking_offers (booking_id, staff_id, offered_at, reasons) values ($1, $2, $3::timestamptz, $4::text::jsonb)`,
    [o.bookingId, o.staffId, o.at.toISOString(), JSON.stringify(o.reasons)],
  );
}

export async function settleOffer(q: Queryable, bookingId: string, staffId: string, outcome: 'accepted' | 'declined', at: Date): Promise<void> {
  await q.query(
    `update booking_offers set outcome = $3, decided_at = $4::timestamptz
      where booking_id = $1 and staff_id = $2 and outcome = 'pending'`,
    [bookingId, staffId, outcome, at.toISOString()],
  );
}

export async function findByIdempotencyKey(q: Queryable, bookedBy: string, key: string): Promise<BookingRow | null> {
  const r = await q.query<BookingRow>(
    `select ${BOOKING_COLUMNS} from bookings where booked_by = $1 and idempotency_key = $2`,
    [bookedBy, key],
  );
  return r.rows[0] ?? null;
}

export async function findById(q: Queryable, id: string): Promise<BookingRow | null> {
  const r = await q.query<BookingRow>(`select ${BOOKING_COLUMNS} from bookings where id = $1`, [id]);
  return r.rows[0] ?? null;
}

/** Upcoming visits first (soonest first), then the rest (latest first). */
export async function listForElders(q: Queryable, elderIds: readonly string[], now: Date): Promise<BookingRow[]> {
  const r = await q.query<BookingRow>(
    `select ${BOOKING_COLUMNS} from bookings
      where elder_id = any($1::uuid[])
      order by (slot_end >= $2::timestamptz and status <> all($3::text[])) desc,
               case when slot_end >= $2::timestamptz and status <> all($3::text[]) then slot_start end asc,
               slot_start desc
      limit 100`,
    [elderIds, now.toISOString(), TERMINAL_STATUSES],
  );
  return r.rows;
}
