/** SQL for staff accounts and profiles: the roster, creating a person, what a dispatcher sets. */
import type { Certificate, Gender, Skill, WeeklyHours } from '@domain';
import type { Queryable } from '../../db';
import { DAY_LOAD_STATUSES } from '../matching/repository';

export interface StaffProfileRow {
  id: string;
  name: string;
  phone: string | null;
  gender: Gender;
  staffNo: string;
  photoPath: string | null;
  dialects: string[];
  rating: number;
  skills: Skill[];
  certificates: Certificate[];
  district: string | null;
  baseLat: number;
  baseLng: number;
  radiusKm: number;
  workingHours: WeeklyHours;
  dailyCap: number;
  active: boolean;
  joinedAt: Date | null;
}

const PROFILE_SELECT = `select u.id, u.name, u.phone, sp.gender, sp.staff_no as "staffNo", sp.photo_path as "photoPath",
    sp.dialects, sp.rating, sp.skills, sp.certificates, sp.district, sp.base_lat as "baseLat", sp.base_lng as "baseLng",
    sp.service_radius_km as "radiusKm", sp.working_hours as "workingHours", sp.daily_cap as "dailyCap", sp.active,
    sp.joined_at as "joinedAt"
  from staff_profiles sp join users u on u.id = sp.user_id`;

export async function listProfiles(q: Queryable): Promise<StaffProfileRow[]> {
  const r = await q.query<StaffProfileRow>(`${PROFILE_SELECT} order by sp.staff_no`);
  return r.rows;
}

export async function findProfile(q: Queryable, staffId: string, opts: { lock?: boolean } = {}): Promise<StaffProfileRow | null> {
  // "for update of sp": the profile row is what changes; the users row is only read.
  const r = await q.query<StaffProfileRow>(`${PROFILE_SELECT} where sp.user_id = $1 ${opts.lock ? 'for update of sp' : ''}`, [staffId]);
  return r.rows[0] ?? null;
}

export async function staffNoTaken(q: Queryable, staffNo: string): Promise<boolean> {
  const r = await q.query('select 1 from staff_profiles where staff_no = $1', [staffNo]);
  return r.rows.length > 0;
}

export interface NewStaff {
  name: string;
  staffNo: string;
  gender: Gender;
  phone: string;
  skills: Skill[];
  certificates: Certificate[];
  dialects: string[];
  district: string;
  base: { lat: number; lng: number };
  radiusKm: number;
  workingHours: WeeklyHours;
  dailyCap: number;
  at: Date;
}

/** A new account and its profile: inactive and not joined until the person opens the invitation. */
export async function insertStaff(q: Queryable, s: NewStaff): Promise<string> {
  const user = await q.query<{ id: string }>(
    `insert into users (role, name, gender, phone, created_at) values ('staff', $1, $2, $3, $4::timestamptz) returning id`,
    [s.name, s.gender, s.phone, s.at.toISOString()],
  );
  const id = user.rows[0].id;
  await q.query(
    `insert into staff_profiles (user_id, staff_no, gender, skills, dialects, certificates, district, base_lat, base_lng,
       service_radius_km, working_hours, daily_cap, active, joined_at)
     values ($1, $2, $3, $4::text[], $5::text[], $6::text::jsonb, $7, $8, $9, $10, $11::text::jsonb, $12, false, null)`,
    [id, s.staffNo, s.gender, s.skills, s.dialects, JSON.stringify(s.certificates), s.district, s.base.lat, s.base.lng,
      s.radiusKm, JSON.stringify(s.workingHours), s.dailyCap],
  );
  return id;
}

export interface ProfileChange {
  skills: Skill[];
  certificates: Certificate[];
  dialects: string[];
  active: boolean;
  dailyCap: number;
}

export async function updateProfile(q: Queryable, staffId: string, c: ProfileChange): Promise<void> {
  await q.query(
    `update staff_profiles set skills = $2::text[], certificates = $3::text::jsonb, dialects = $4::text[], active = $5, daily_cap = $6
      where user_id = $1`,
    [staffId, c.skills, JSON.stringify(c.certificates), c.dialects, c.active, c.dailyCap],
  );
}

/** Where they serve from: the district, its base point and the radius around it. */
export async function updateArea(q: Queryable, staffId: string, a: { district: string; base: { lat: number; lng: number }; radiusKm: number }): Promise<void> {
  await q.query(
    'update staff_profiles set district = $2, base_lat = $3, base_lng = $4, service_radius_km = $5 where user_id = $1',
    [staffId, a.district, a.base.lat, a.base.lng, a.radiusKm],
  );
}

export async function updateWorkingHours(q: Queryable, staffId: string, hours: WeeklyHours): Promise<void> {
  await q.query('update staff_profiles set working_hours = $2::text::jsonb where user_id = $1', [staffId, JSON.stringify(hours)]);
}

/** The person opened their invitation: joined (once) and, the first time, offered work from now on. */
export async function markJoined(q: Queryable, staffId: string, at: Date): Promise<void> {
  await q.query(
    `update staff_profiles set active = active or joined_at is null, joined_at = coalesce(joined_at, $2::timestamptz)
      where user_id = $1`,
    [staffId, at.toISOString()],
  );
}

export interface DayLoadRow {
  staffId: string;
  visits: number;
  completed: number;
  bookedMinutes: number;
}

/** Each person's visits starting in [from, to) that hold their time or were done, and their minutes. */
export async function dayLoad(q: Queryable, from: Date, to: Date, onlyStaffId: string | null = null): Promise<Map<string, DayLoadRow>> {
  const r = await q.query<DayLoadRow>(
    `select staff_id as "staffId", count(*)::int as visits,
            (count(*) filter (where status = 'completed'))::int as completed,
            coalesce(round(sum(extract(epoch from slot_end - slot_start)) / 60), 0)::int as "bookedMinutes"
       from bookings
      where staff_id is not null and status = any($3::text[]) and ($4::uuid is null or staff_id = $4::uuid)
        and slot_start >= $1::timestamptz and slot_start < $2::timestamptz
      group by staff_id`,
    [from.toISOString(), to.toISOString(), DAY_LOAD_STATUSES, onlyStaffId],
  );
  return new Map(r.rows.map((row) => [row.staffId, row]));
}
