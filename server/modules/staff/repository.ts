/** SQL for a staff member's own visits. */
import { SLOT_HOLDING_STATUSES } from '@domain';
import type { Queryable } from '../../db';
import { BOOKING_COLUMNS, type BookingRow } from '../bookings/repository';

/** Visits assigned to this staff member that hold their time, soonest first. */
export async function listHeldByStaff(q: Queryable, staffId: string): Promise<BookingRow[]> {
  const r = await q.query<BookingRow>(
    `select ${BOOKING_COLUMNS} from bookings
      where staff_id = $1 and status = any($2::text[])
      order by slot_start`,
    [staffId, SLOT_HOLDING_STATUSES],
  );
  return r.rows;
}

/** The booking, row-locked, only if it is assigned to this staff member. */
export async function findAssignedForUpdate(q: Queryable, bookingId: string, staffId: string): Promise<BookingRow | null> {
  const r = await q.query<BookingRow>(`select ${BOOKING_COLUMNS} from bookings where id = $1 and staff_id = $2 for update`, [bookingId, staffId]);
  return r.rows[0] ?? null;
}

/**
 * For the task cards: the elder's name and the phone to call, which is the elder's or, when the
 * family member who booked chose so, the family member's (bookings.contact).
 */
export async function contactsOf(q: Queryable, bookingIds: readonly string[]): Promise<Map<string, { name: string; phone: string | null }>> {
  if (bookingIds.length === 0) return new Map();
  const r = await q.query<{ id: string; name: string; phone: string | null }>(
    `select b.id, e.name, case when b.contact = 'booker' then k.phone else e.phone end as phone
       from bookings b join users e on e.id = b.elder_id join users k on k.id = b.booked_by
      where b.id = any($1::uuid[])`,
    [bookingIds],
  );
  return new Map(r.rows.map((u) => [u.id, { name: u.name, phone: u.phone }]));
}
