/** SQL for the day's service levels: matching speed, arrivals, no-shows. */
import type { Queryable } from '../../db';

export interface MatchingCounts {
  created: number;
  matchedInTime: number;
  matchedLate: number;
  notMatched: number;
}

/** Bookings created in [from, to), by how long their first offer took (none yet: not matched). */
export async function matchingCounts(q: Queryable, from: Date, to: Date, targetMinutes: number): Promise<MatchingCounts> {
  const r = await q.query<MatchingCounts>(
    `select count(*)::int as created,
            (count(*) filter (where f.first_at <= b.created_at + make_interval(mins => $3::int)))::int as "matchedInTime",
            (count(*) filter (where f.first_at > b.created_at + make_interval(mins => $3::int)))::int as "matchedLate",
            (count(*) filter (where f.first_at is null))::int as "notMatched"
       from bookings b
       left join lateral (select min(o.offered_at) as first_at from booking_offers o where o.booking_id = b.id) f on true
      where b.created_at >= $1::timestamptz and b.created_at < $2::timestamptz`,
    [from.toISOString(), to.toISOString(), targetMinutes],
  );
  return r.rows[0];
}

/** Visits whose window starts in [from, to) and that arrived, and how many by window start + grace. */
export async function arrivalCounts(q: Queryable, from: Date, to: Date, graceMinutes: number): Promise<{ arrived: number; onTime: number }> {
  const r = await q.query<{ arrived: number; onTime: number }>(
    `select count(*)::int as arrived,
            (count(*) filter (where a.arrived_at <= b.slot_start + make_interval(mins => $3::int)))::int as "onTime"
       from bookings b
       join lateral (select min(e.at) as arrived_at from visit_events e where e.booking_id = b.id and e.action = 'arrive') a
         on a.arrived_at is not null
      where b.slot_start >= $1::timestamptz and b.slot_start < $2::timestamptz`,
    [from.toISOString(), to.toISOString(), graceMinutes],
  );
  return r.rows[0];
}

/** Visits whose window starts in [from, to) that ended as a no-show, by whom. */
export async function noShowCounts(q: Queryable, from: Date, to: Date): Promise<{ customer: number; staff: number }> {
  const r = await q.query<{ customer: number; staff: number }>(
    `select (count(*) filter (where status = 'no_show_customer'))::int as customer,
            (count(*) filter (where status = 'no_show_staff'))::int as staff
       from bookings
      where slot_start >= $1::timestamptz and slot_start < $2::timestamptz and status in ('no_show_customer', 'no_show_staff')`,
    [from.toISOString(), to.toISOString()],
  );
  return r.rows[0];
}
