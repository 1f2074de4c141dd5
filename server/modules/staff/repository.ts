/** SQL for a staff member's own visits: the board, one task, the people behind it, idempotency keys. */
import { SLOT_HOLDING_STATUSES, type VisitStatus } from '@domain';
import type { Queryable } from '../../db';
import { BOOKING_COLUMNS, type BookingRow } from '../bookings/repository';

/** Finished visits a staff member still sees on the day they finished them. */
export const FINISHED_SHOWN_STATUSES: readonly VisitStatus[] = ['completed', 'no_show_customer'];
/** The visits that make up a staff member's route of a day (travel legs run between them). */
export const ROUTE_STATUSES: readonly VisitStatus[] = [...SLOT_HOLDING_STATUSES, ...FINISHED_SHOWN_STATUSES];

/**
 * A visit is on the board (and its detail may be opened) while it holds the person's time, or when
 * it finished today: its slot is today or it ended today ($3, $4: today's bounds in China time).
 */
const ON_BOARD = `staff_id = $1 and (status = any($2::text[])
  or (status = any($5::text[]) and (slot_start >= $3::timestamptz and slot_start < $4::timestamptz
                                    or updated_at >= $3::timestamptz and updated_at < $4::timestamptz)))`;

export interface Day {
  start: Date;
  end: Date;
}

const boardParams = (staffId: string, today: Day) => [staffId, SLOT_HOLDING_STATUSES, today.start.toISOString(), today.end.toISOString(), FINISHED_SHOWN_STATUSES];

export async function listBoard(q: Queryable, staffId: string, today: Day): Promise<BookingRow[]> {
  const r = await q.query<BookingRow>(`select ${BOOKING_COLUMNS} from bookings where ${ON_BOARD} order by slot_start`, boardParams(staffId, today));
  return r.rows;
}

export async function findOnBoard(q: Queryable, bookingId: string, staffId: string, today: Day): Promise<BookingRow | null> {
  const r = await q.query<BookingRow>(`select ${BOOKING_COLUMNS} from bookings where id = $6 and ${ON_BOARD}`, [...boardParams(staffId, today), bookingId]);
  return r.rows[0] ?? null;
}

/** The booking, row-locked, only if it is assigned to this staff member. */
export async function findAssignedForUpdate(q: Queryable, bookingId: string, staffId: string): Promise<BookingRow | null> {
  const r = await q.query<BookingRow>(`select ${BOOKING_COLUMNS} from bookings where id = $1 and staff_id = $2 for update`, [bookingId, staffId]);
  return r.rows[0] ?? null;
}

/** This person's visits between two instants that make up their route, in slot order. */
export async function routeBetween(q: Queryable, staffId: string, from: Date, to: Date): Promise<BookingRow[]> {
  const r = await q.query<BookingRow>(
    `select ${BOOKING_COLUMNS} from bookings
      where staff_id = $1 and status = any($2::text[]) and slot_start >= $3::timestamptz and slot_start < $4::timestamptz
      order by slot_start`,
    [staffId, ROUTE_STATUSES, from.toISOString(), to.toISOString()],
  );
  return r.rows;
}

export async function staffBase(q: Queryable, staffId: string): Promise<{ lat: number; lng: number } | null> {
  const r = await q.query<{ lat: number; lng: number }>('select base_lat as lat, base_lng as lng from staff_profiles where user_id = $1', [staffId]);
  return r.rows[0] ?? null;
}

export interface CustomerOfTask {
  name: string;
  phone: string | null;
  dialect: string | null;
}

/**
 * For the task cards: the elder's name and dialect, and the phone to call, which is the elder's
 * or, when the family member who booked chose so, the family member's (bookings.contact).
 */
export async function contactsOf(q: Queryable, bookingIds: readonly string[]): Promise<Map<string, CustomerOfTask>> {
  if (bookingIds.length === 0) return new Map();
  const r = await q.query<CustomerOfTask & { id: string }>(
    `select b.id, e.name, e.dialect, case when b.contact = 'booker' then k.phone else e.phone end as phone
       from bookings b join users e on e.id = b.elder_id join users k on k.id = b.booked_by
      where b.id = any($1::uuid[])`,
    [bookingIds],
  );
  return new Map(r.rows.map((u) => [u.id, { name: u.name, phone: u.phone, dialect: u.dialect }]));
}

/** How many photos the customer took before each visit. */
export async function customerPhotoCounts(q: Queryable, bookingIds: readonly string[]): Promise<Map<string, number>> {
  if (bookingIds.length === 0) return new Map();
  const r = await q.query<{ id: string; n: number }>(
    `select booking_id as id, count(*)::int as n from booking_files where booking_id = any($1::uuid[]) and kind = 'customer' group by booking_id`,
    [bookingIds],
  );
  return new Map(r.rows.map((row) => [row.id, row.n]));
}

// ---- idempotency keys of staff actions (on the visit_events row the action wrote) ----

export interface KeyedEvent {
  bookingId: string;
  requestHash: string;
}

export async function findEventByKey(q: Queryable, actorId: string, key: string): Promise<KeyedEvent | null> {
  const r = await q.query<KeyedEvent>(
    `select booking_id as "bookingId", request_hash as "requestHash" from visit_events where actor_id = $1 and idempotency_key = $2`,
    [actorId, key],
  );
  return r.rows[0] ?? null;
}
