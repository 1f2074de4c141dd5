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
  addressLat: number;
  addressLng: number;
  note: string | null;
  slotStart: Date;
  slotEnd: Date;
  busyStart: Date;
  busyEnd: Date;
  status: VisitStatus;
  staffId: string | null;
  matchReasons: string[];
  version: number;
  requestHash: string;
  createdAt: Date;
  offerExpiresAt: Date | null;
  doorCode: string | null;
  doorCodeFailures: number;
}

export const BOOKING_COLUMNS = `id, elder_id as "elderId", booked_by as "bookedBy", booked_by_role as "bookedByRole",
  service_type as "serviceType", claim_type as "claimType", address_label as "addressLabel",
  address_text as "addressText", address_district as "addressDistrict", address_lat as "addressLat",
  address_lng as "addressLng", note, slot_start as "slotStart", slot_end as "slotEnd", busy_start as "busyStart",
  busy_end as "busyEnd", status, staff_id as "staffId", match_reasons as "matchReasons", version,
  request_hash as "requestHash", created_at as "createdAt", offer_expires_at as "offerExpiresAt",
  door_code as "doorCode", door_code_failures as "doorCodeFailures"`;

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
  /** Required when the new status is 'offered'; cleared on every other status. */
  offerExpiresAt?: Date | null;
  /** undefined: leave as is; a new code on confirmation. Cleared when the visit ends. */
  doorCode?: string;
}

/** Optimistic concurrency: null when the booking moved on since expectedVersion. */
export async function updateStatus(q: Queryable, c: StatusChange): Promise<BookingRow | null> {
  const r = await q.query<BookingRow>(
    `update bookings
        set status = $3, version = version + 1, updated_at = $4::timestamptz,
            staff_id = case when $5::boolean then $6::uuid else staff_id end,
            match_reasons = coalesce($7::text::jsonb, match_reasons),
            offer_expires_at = case when $3 = 'offered' then $8::timestamptz else null end,
            door_code = case when $3 = any($10::text[]) then null else coalesce($9, door_code) end,
            door_code_failures = case when $9::text is not null then 0 else door_code_failures end
      where id = $1 and version = $2
      returning ${BOOKING_COLUMNS}`,
    [c.id, c.expectedVersion, c.to, c.at.toISOString(), c.staffId !== undefined, c.staffId ?? null,
      c.matchReasons ? JSON.stringify(c.matchReasons) : null, c.offerExpiresAt?.toISOString() ?? null,
      c.doorCode ?? null, TERMINAL_STATUSES],
  );
  return r.rows[0] ?? null;
}

/** Moves a visit to another slot (inside the reschedule transaction, after it left any staff's time). */
export async function moveSlot(
  q: Queryable,
  c: { id: string; expectedVersion: number; slotStart: string; slotEnd: string; busyStart: Date; busyEnd: Date; at: Date },
): Promise<BookingRow | null> {
  const r = await q.query<BookingRow>(
    `update bookings
        set slot_start = $3::timestamptz, slot_end = $4::timestamptz, busy_start = $5::timestamptz,
            busy_end = $6::timestamptz, version = version + 1, updated_at = $7::timestamptz
      where id = $1 and version = $2
      returning ${BOOKING_COLUMNS}`,
    [c.id, c.expectedVersion, c.slotStart, c.slotEnd, c.busyStart.toISOString(), c.busyEnd.toISOString(), c.at.toISOString()],
  );
  return r.rows[0] ?? null;
}

/** Counts a wrong door code; returns the failures so far. */
export async function recordDoorCodeFailure(q: Queryable, id: string): Promise<number> {
  const r = await q.query<{ failures: number }>(
    'update bookings set door_code_failures = door_code_failures + 1 where id = $1 returning door_code_failures as failures',
    [id],
  );
  return r.rows[0]?.failures ?? 0;
}

/** Reads and row-locks a booking: every change of one booking queues here. */
export async function findByIdForUpdate(q: Queryable, id: string): Promise<BookingRow | null> {
  const r = await q.query<BookingRow>(`select ${BOOKING_COLUMNS} from bookings where id = $1 for update`, [id]);
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
  location?: { lat: number; lng: number } | null;
  /** The Idempotency-Key of the request that caused it and a hash of that request (staff writes). */
  idempotency?: { key: string; hash: string } | null;
}

/** Appends the next event; the booking row was written first in this transaction, so seq cannot race. */
export async function appendEvent(q: Queryable, e: NewEvent): Promise<void> {
  await q.query(
    `insert into visit_events (booking_id, seq, from_status, to_status, action, actor_role, actor_id, staff_id, reason, at, lat, lng,
                               idempotency_key, request_hash)
     select $1, coalesce(max(seq), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9::timestamptz, $10, $11, $12, $13
       from visit_events where booking_id = $1`,
    [e.bookingId, e.fromStatus, e.toStatus, e.action, e.actorRole, e.actorId, e.staffId, e.reason, e.at.toISOString(),
      e.location?.lat ?? null, e.location?.lng ?? null, e.idempotency?.key ?? null, e.idempotency?.hash ?? null],
  );
}

export async function insertOffer(
  q: Queryable,
  o: { bookingId: string; staffId: string; reasons: string[]; at: Date; expiresAt: Date },
): Promise<void> {
  await q.query(
    `insert into booking_offers (booking_id, staff_id, offered_at, reasons, expires_at)
     values ($1, $2, $3::timestamptz, $4::text::jsonb, $5::timestamptz)`,
    [o.bookingId, o.staffId, o.at.toISOString(), JSON.stringify(o.reasons), o.expiresAt.toISOString()],
  );
}

export type OfferOutcome = 'accepted' | 'declined' | 'expired' | 'withdrawn';

/** Closes the pending offer of this booking to this person. Declined and expired offers are never repeated. */
export async function settleOffer(
  q: Queryable,
  bookingId: string,
  staffId: string,
  outcome: OfferOutcome,
  at: Date,
  reason: string | null = null,
): Promise<void> {
  await q.query(
    `update booking_offers set outcome = $3, decided_at = $4::timestamptz, decided_reason = $5
      where booking_id = $1 and staff_id = $2 and outcome = 'pending'`,
    [bookingId, staffId, outcome, at.toISOString(), reason],
  );
}

/** Staff who declined this booking or let its offer lapse: not offered it again. */
export async function refusedStaffOf(q: Queryable, bookingIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (bookingIds.length === 0) return out;
  const r = await q.query<{ bookingId: string; staffId: string }>(
    `select booking_id as "bookingId", staff_id as "staffId" from booking_offers
      where booking_id = any($1::uuid[]) and outcome in ('declined', 'expired')`,
    [bookingIds],
  );
  for (const row of r.rows) out.set(row.bookingId, [...(out.get(row.bookingId) ?? []), row.staffId]);
  return out;
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
