/**
 * SQL for the latest location of a staff member on the way to a visit: one row per visit, kept
 * only while it is en route (a trigger of migration 006 deletes it when the visit moves on).
 */
import type { Queryable } from '../../db';

export interface LocationPoint {
  lat: number;
  lng: number;
  at: Date;
}

export async function saveLocation(q: Queryable, p: { bookingId: string; staffId: string; lat: number; lng: number; at: Date }): Promise<void> {
  await q.query(
    `insert into staff_locations (booking_id, staff_id, lat, lng, at) values ($1, $2, $3, $4, $5::timestamptz)
     on conflict (booking_id) do update set lat = excluded.lat, lng = excluded.lng, at = excluded.at, staff_id = excluded.staff_id`,
    [p.bookingId, p.staffId, p.lat, p.lng, p.at.toISOString()],
  );
}

export async function latestLocations(q: Queryable, bookingIds: readonly string[]): Promise<Map<string, LocationPoint>> {
  if (bookingIds.length === 0) return new Map();
  const r = await q.query<LocationPoint & { bookingId: string }>(
    'select booking_id as "bookingId", lat, lng, at from staff_locations where booking_id = any($1::uuid[])',
    [bookingIds],
  );
  return new Map(r.rows.map(({ bookingId, ...p }) => [bookingId, p]));
}
