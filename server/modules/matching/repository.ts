/** SQL for matching: staff profiles and the visits that hold their time. */
import { SLOT_HOLDING_STATUSES, type Skill, type StaffProfile, type VisitStatus, type WeeklyHours } from '@domain';
import type { Queryable } from '../../db';

interface StaffRow {
  id: string;
  name: string;
  staff_no: string;
  gender: StaffProfile['gender'];
  skills: Skill[];
  dialects: string[];
  base_lat: number;
  base_lng: number;
  service_radius_km: number;
  working_hours: WeeklyHours;
  daily_cap: number;
  rating: number;
}

const toProfile = (r: StaffRow): StaffProfile => ({
  id: r.id,
  name: r.name,
  staffNo: r.staff_no,
  gender: r.gender,
  skills: r.skills,
  dialects: r.dialects,
  base: { lat: r.base_lat, lng: r.base_lng },
  serviceRadiusKm: r.service_radius_km,
  workingHours: r.working_hours,
  dailyCap: r.daily_cap,
  rating: r.rating,
});

/** Active staff holding every one of these skills. */
export async function loadStaffWithSkills(q: Queryable, skills: readonly Skill[]): Promise<StaffProfile[]> {
  const r = await q.query<StaffRow>(
    `select u.id, u.name, sp.staff_no, sp.gender, sp.skills, sp.dialects, sp.base_lat, sp.base_lng,
            sp.service_radius_km, sp.working_hours, sp.daily_cap, sp.rating
       from staff_profiles sp join users u on u.id = sp.user_id
      where sp.active and sp.skills @> $1::text[]
      order by sp.staff_no`,
    [skills],
  );
  return r.rows.map(toProfile);
}

export interface StaffVisit {
  /** The booking. */
  id: string;
  staffId: string;
  status: VisitStatus;
  slotStart: Date;
  busyStart: Date;
  busyEnd: Date;
}

/** Statuses that count as a visit of the day for the daily cap: held time plus visits done. */
export const DAY_LOAD_STATUSES: readonly VisitStatus[] = [...SLOT_HOLDING_STATUSES, 'completed'];

/** The staff members' visits starting in [from, to) that hold time or count towards the cap. */
export async function loadStaffVisits(q: Queryable, staffIds: readonly string[], from: Date, to: Date): Promise<StaffVisit[]> {
  if (staffIds.length === 0) return [];
  const r = await q.query<StaffVisit>(
    `select id, staff_id as "staffId", status, slot_start as "slotStart", busy_start as "busyStart", busy_end as "busyEnd"
       from bookings
      where staff_id = any($1::uuid[]) and status = any($2::text[])
        and slot_start >= $3::timestamptz and slot_start < $4::timestamptz`,
    [staffIds, DAY_LOAD_STATUSES, from.toISOString(), to.toISOString()],
  );
  return r.rows;
}

/** Takes this staff member's row lock: bookings for one person queue here and re-check, instead of racing. */
export async function lockStaff(q: Queryable, staffId: string): Promise<void> {
  await q.query('select 1 from staff_profiles where user_id = $1 for update', [staffId]);
}

/** Leave (illness, days off) overlapping [from, to): it holds the person's time like a visit. */
export async function loadLeave(q: Queryable, staffIds: readonly string[], from: Date, to: Date): Promise<Array<{ staffId: string; busyStart: Date; busyEnd: Date }>> {
  if (staffIds.length === 0) return [];
  const r = await q.query<{ staffId: string; busyStart: Date; busyEnd: Date }>(
    `select staff_id as "staffId", starts_at as "busyStart", ends_at as "busyEnd" from staff_leave
      where staff_id = any($1::uuid[]) and starts_at < $3::timestamptz and ends_at > $2::timestamptz`,
    [staffIds, from.toISOString(), to.toISOString()],
  );
  return r.rows;
}

/** Statuses that count as work for the fair share: held or done. No-shows and cancellations are not work. */
export const WORK_STATUSES: readonly VisitStatus[] = [...SLOT_HOLDING_STATUSES, 'completed'];

/** Visits per staff member starting in [from, to) that count as work. */
export async function loadRecentLoad(q: Queryable, staffIds: readonly string[], from: Date, to: Date): Promise<Map<string, number>> {
  if (staffIds.length === 0) return new Map();
  const r = await q.query<{ staffId: string; n: number }>(
    `select staff_id as "staffId", count(*)::int as n from bookings
      where staff_id = any($1::uuid[]) and status = any($2::text[])
        and slot_start >= $3::timestamptz and slot_start < $4::timestamptz
      group by staff_id`,
    [staffIds, WORK_STATUSES, from.toISOString(), to.toISOString()],
  );
  return new Map(r.rows.map((row) => [row.staffId, row.n]));
}

/** Completed visits per (staff member, elder): the continuity that makes a person 专属. */
export async function loadPastVisits(q: Queryable, elderIds: readonly string[]): Promise<Map<string, number>> {
  if (elderIds.length === 0) return new Map();
  const r = await q.query<{ staffId: string; elderId: string; n: number }>(
    `select staff_id as "staffId", elder_id as "elderId", count(*)::int as n from bookings
      where elder_id = any($1::uuid[]) and status = 'completed' and staff_id is not null
      group by staff_id, elder_id`,
    [elderIds],
  );
  return new Map(r.rows.map((row) => [`${row.staffId}/${row.elderId}`, row.n]));
}

export interface CustomerPreferenceRow {
  id: string;
  dialect: string | null;
  preferredGender: 'male' | 'female' | null;
}

export async function loadCustomerPreferences(q: Queryable, elderIds: readonly string[]): Promise<Map<string, CustomerPreferenceRow>> {
  if (elderIds.length === 0) return new Map();
  const r = await q.query<CustomerPreferenceRow>(
    `select id, dialect, preferred_staff_gender as "preferredGender" from users where id = any($1::uuid[])`,
    [elderIds],
  );
  return new Map(r.rows.map((row) => [row.id, row]));
}

/** Active staff holding any of these skills (a batch mixes services). */
export async function loadStaffWithAnySkill(q: Queryable, skills: readonly Skill[]): Promise<StaffProfile[]> {
  const r = await q.query<StaffRow>(
    `select u.id, u.name, sp.staff_no, sp.gender, sp.skills, sp.dialects, sp.base_lat, sp.base_lng,
            sp.service_radius_km, sp.working_hours, sp.daily_cap, sp.rating
       from staff_profiles sp join users u on u.id = sp.user_id
      where sp.active and sp.skills && $1::text[]
      order by sp.staff_no`,
    [skills],
  );
  return r.rows.map(toProfile);
}

/** Takes several staff row locks in one fixed order, so two batches cannot deadlock each other. */
export async function lockStaffMany(q: Queryable, staffIds: readonly string[]): Promise<void> {
  if (staffIds.length === 0) return;
  await q.query('select 1 from staff_profiles where user_id = any($1::uuid[]) order by user_id for update', [[...staffIds].sort()]);
}
