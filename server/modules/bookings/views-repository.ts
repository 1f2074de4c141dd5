/** SQL for what booking views show besides the booking row: names, staff cards, events. */
import type { ActorRole, Gender, TimelineAction, VisitStatus } from '@domain';
import type { Queryable } from '../../db';

export interface StaffCardRow {
  id: string;
  name: string;
  gender: Gender;
  staffNo: string;
  photoPath: string | null;
  dialects: string[];
  rating: number;
}

export interface EventRow {
  id: string;
  bookingId: string;
  fromStatus: VisitStatus | null;
  toStatus: VisitStatus;
  action: TimelineAction;
  actorRole: ActorRole;
  actorId: string | null;
  reason: string | null;
  at: Date;
  actorName: string | null;
  actorGender: Gender | null;
  staffName: string | null;
  staffGender: Gender | null;
}

export async function namesOf(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const r = await q.query<{ id: string; name: string }>('select id, name from users where id = any($1::uuid[])', [ids]);
  return new Map(r.rows.map((u) => [u.id, u.name]));
}

export async function staffCards(q: Queryable, ids: readonly string[]): Promise<Map<string, StaffCardRow>> {
  if (ids.length === 0) return new Map();
  const r = await q.query<StaffCardRow>(
    `select u.id, u.name, sp.gender, sp.staff_no as "staffNo", sp.photo_path as "photoPath", sp.dialects, sp.rating
       from staff_profiles sp join users u on u.id = sp.user_id
      where sp.user_id = any($1::uuid[])`,
    [ids],
  );
  return new Map(r.rows.map((s) => [s.id, s]));
}

export async function eventsOf(q: Queryable, bookingIds: readonly string[]): Promise<EventRow[]> {
  if (bookingIds.length === 0) return [];
  const r = await q.query<EventRow>(
    `select e.id::text as id, e.booking_id as "bookingId", e.from_status as "fromStatus", e.to_status as "toStatus",
            e.action, e.actor_role as "actorRole", e.actor_id as "actorId", e.reason, e.at,
            au.name as "actorName", asp.gender as "actorGender", su.name as "staffName", ssp.gender as "staffGender"
       from visit_events e
       left join users au on au.id = e.actor_id
       left join staff_profiles asp on asp.user_id = e.actor_id
       left join users su on su.id = e.staff_id
       left join staff_profiles ssp on ssp.user_id = e.staff_id
      where e.booking_id = any($1::uuid[])
      order by e.booking_id, e.seq`,
    [bookingIds],
  );
  return r.rows;
}
