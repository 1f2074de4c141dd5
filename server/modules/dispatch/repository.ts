/** SQL for the dispatch desk: what needs a person, staff leave, door-code unlocks. */
import { canTransition, VISIT_STATUSES } from '@domain';
import type { Queryable } from '../../db';
import { BOOKING_COLUMNS, type BookingRow } from '../bookings/repository';

/** Unmatched visits still to come, soonest first (locked, skipping any another desk is handling). */
export async function listUnmatched(q: Queryable, now: Date, opts: { lock?: boolean } = {}): Promise<BookingRow[]> {
  const r = await q.query<BookingRow>(
    `select ${BOOKING_COLUMNS} from bookings where status = 'unmatched' and slot_start >= $1::timestamptz
      order by slot_start limit 200 ${opts.lock ? 'for update skip locked' : ''}`,
    [now.toISOString()],
  );
  return r.rows;
}

/** Offers waiting for an answer, the nearest deadline first. */
export async function listPendingOffers(q: Queryable): Promise<BookingRow[]> {
  const r = await q.query<BookingRow>(
    `select ${BOOKING_COLUMNS} from bookings where status = 'offered' order by offer_expires_at limit 200`,
  );
  return r.rows;
}

export async function insertLeave(
  q: Queryable,
  l: { staffId: string; from: string; to: string; reason: string; createdBy: string; at: Date },
): Promise<string> {
  const r = await q.query<{ id: string }>(
    `insert into staff_leave (staff_id, starts_at, ends_at, reason, created_by, created_at)
     values ($1, $2::timestamptz, $3::timestamptz, $4, $5, $6::timestamptz) returning id`,
    [l.staffId, l.from, l.to, l.reason, l.createdBy, l.at.toISOString()],
  );
  return r.rows[0].id;
}

/** Statuses the state machine lets a dispatcher send back to matching (offered, confirmed; unmatched has nobody). */
const REMATCHABLE = VISIT_STATUSES.filter((s) => canTransition(s, 'rematch', 'dispatcher'));

/** The person's visits that can be matched again whose held time falls in [from, to), locked. */
export async function lockVisitsDuring(q: Queryable, staffId: string, from: string, to: string): Promise<BookingRow[]> {
  const r = await q.query<BookingRow>(
    `select ${BOOKING_COLUMNS} from bookings
      where staff_id = $1 and status = any($4::text[])
        and busy_start < $3::timestamptz and busy_end > $2::timestamptz
      order by slot_start
      for update`,
    [staffId, from, to, REMATCHABLE],
  );
  return r.rows;
}

export async function isActiveStaff(q: Queryable, staffId: string): Promise<boolean> {
  const r = await q.query('select 1 from staff_profiles where user_id = $1 and active', [staffId]);
  return r.rows.length > 0;
}

/** Wipes the wrong door codes counted so far and keeps who did it, when and why (append-only). */
export async function recordDoorCodeUnlock(
  q: Queryable,
  u: { bookingId: string; by: string; reason: string; failuresBefore: number; at: Date },
): Promise<void> {
  await q.query(
    `insert into door_code_unlocks (booking_id, unlocked_by, reason, failures_before, at) values ($1, $2, $3, $4, $5::timestamptz)`,
    [u.bookingId, u.by, u.reason, u.failuresBefore, u.at.toISOString()],
  );
  await q.query('update bookings set door_code_failures = 0 where id = $1', [u.bookingId]);
}
