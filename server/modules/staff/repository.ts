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

/** Names and phones of customers, for the staff member's task cards. */
export async function contactsOf(q: Queryable, ids: readonly string[]): Promise<Map<string, { name: string; phone: string | null }>> {
  if (ids.length === 0) return new Map();
  const r = await q.query<{ id: string; name: string; phone: string | null }>('select id, name, phone from users where id = any($1::uuid[])', [ids]);
  return new Map(r.rows.map((u) => [u.id, { name: u.name, phone: u.phone }]));
}
