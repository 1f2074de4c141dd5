/**
 * Test data made directly in the database, distinct per test (unique names, staff numbers and a
 * private "area" far from the seeded Shanghai staff), so tests sharing one app never collide.
 */
import { randomBytes } from 'node:crypto';
import type { Skill, WeeklyHours } from '@domain';
import type { Db } from '../../server/db';
import type { HttpClient } from './http-client';

let areaCounter = 0;

/** A point no seeded staff member (Shanghai, ~31°N) and no other test's area can reach. */
export function uniqueArea(): { lat: number; lng: number } {
  areaCounter += 1;
  return { lat: 20 + areaCounter * 0.5, lng: 100 };
}

export const unique = (prefix = '') => `${prefix}${randomBytes(4).toString('hex')}`;

export interface CustomerFixture {
  id: string;
  name: string;
  addressId: string | null;
}

export async function createCustomer(
  db: Db,
  opts: { name?: string; at?: { lat: number; lng: number } | null; district?: string } = {},
): Promise<CustomerFixture> {
  const name = opts.name ?? `测试${unique()}`;
  const user = await db.query<{ id: string }>(`insert into users (role, name, gender) values ('customer', $1, 'female') returning id`, [name]);
  const id = user.rows[0].id;
  let addressId: string | null = null;
  if (opts.at !== null) {
    const at = opts.at ?? uniqueArea();
    const a = await db.query<{ id: string }>(
      `insert into addresses (elder_id, label, text, district, lat, lng) values ($1, '家', $2, $3, $4, $5) returning id`,
      [id, `测试路 ${unique()} 号`, opts.district ?? '测试区', at.lat, at.lng],
    );
    addressId = a.rows[0].id;
  }
  return { id, name, addressId };
}

export async function linkFamily(db: Db, familyId: string, elderId: string, opts: { consented?: boolean; revoked?: boolean } = {}): Promise<void> {
  const consented = opts.consented ?? true;
  await db.query(
    `insert into family_links (family_user_id, elder_user_id, relation, consented_at, revoked_at)
     values ($1, $2, '子女', $3::timestamptz, $4::timestamptz)`,
    [familyId, elderId, consented ? '2029-12-01T00:00:00Z' : null, opts.revoked ? '2029-12-15T00:00:00Z' : null],
  );
}

export const EVERY_DAY_0830_1730: WeeklyHours = Object.fromEntries(
  ['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [['08:30', '17:30']]]),
) as WeeklyHours;

export interface StaffFixture {
  id: string;
  name: string;
  staffNo: string;
}

export async function createStaff(
  db: Db,
  opts: { at: { lat: number; lng: number }; name?: string; gender?: 'male' | 'female'; skills?: Skill[]; hours?: WeeklyHours; radiusKm?: number; dailyCap?: number },
): Promise<StaffFixture> {
  const name = opts.name ?? '测试员';
  const staffNo = unique('T');
  const user = await db.query<{ id: string }>(`insert into users (role, name, gender) values ('staff', $1, $2) returning id`, [name, opts.gender ?? 'male']);
  const id = user.rows[0].id;
  await db.query(
    `insert into staff_profiles (user_id, staff_no, gender, skills, dialects, base_lat, base_lng, service_radius_km,
       working_hours, daily_cap, rating, photo_path)
     values ($1, $2, $3, $4::text[], $5::text[], $6, $7, $8, $9::text::jsonb, $10, 4.8, $11)`,
    [id, staffNo, opts.gender ?? 'male', opts.skills ?? ['claim'], ['普通话'], opts.at.lat, opts.at.lng, opts.radiusKm ?? 5,
      JSON.stringify(opts.hours ?? EVERY_DAY_0830_1730), opts.dailyCap ?? 6, `${staffNo}.svg`],
  );
  return { id, name, staffNo };
}

/** Signs in through the dev login route and returns the bearer token. */
export async function signIn(http: HttpClient, userId: string): Promise<string> {
  const res = await http('POST', '/api/auth/dev-login', { body: { userId } });
  if (res.status !== 200) throw new Error(`dev login failed: ${res.status} ${res.text}`);
  return res.json<{ token: string }>().token;
}

/** Instant of a China wall-clock time on a China date. */
export const china = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00.000+08:00`).toISOString();

export interface BookOptions {
  addressId: string;
  slotStart: string;
  claimType?: string;
  elderId?: string;
  note?: string;
  key?: string;
}

/** POST /api/bookings with a fresh Idempotency-Key unless one is given. */
export function book(http: HttpClient, token: string, opts: BookOptions) {
  const { key, claimType, ...rest } = opts;
  return http('POST', '/api/bookings', {
    token,
    headers: { 'idempotency-key': key ?? unique('key-') + unique() },
    body: { serviceType: 'claim', claimType: claimType ?? 'inpatient', ...rest },
  });
}

/** The slot starts /api/slots offers for this address, flattened. */
export async function offeredStarts(http: HttpClient, token: string, addressId: string, claimType = 'inpatient'): Promise<string[]> {
  const res = await http('GET', `/api/slots?serviceType=claim&claimType=${claimType}&addressId=${addressId}`, { token });
  if (res.status !== 200) throw new Error(`slots failed: ${res.status} ${res.text}`);
  return res.json<{ days: Array<{ slots: Array<{ start: string }> }> }>().days.flatMap((d) => d.slots.map((s) => s.start));
}
