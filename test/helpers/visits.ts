/**
 * A small world per test for the lifecycle: an elder in a private area, staff there, and helpers
 * to book, act as staff and read what the customer sees.
 */
import type { Skill } from '@domain';
import type { Db } from '../../server/db';
import { book, china, createCustomer, createStaff, signIn, uniqueArea, type CustomerFixture, type StaffFixture } from './fixtures';
import type { HttpClient, HttpResponse } from './http-client';

export interface StaffMember extends StaffFixture {
  token: string;
}

export interface World {
  area: { lat: number; lng: number };
  elder: CustomerFixture & { token: string };
  staff: StaffMember[];
}

/** An elder and `staff` people around them; the first is nearest, so bookings go to them first. */
export async function world(db: Db, http: HttpClient, opts: { staff?: number; skills?: Skill[]; dailyCap?: number } = {}): Promise<World> {
  const area = uniqueArea();
  const elder = await createCustomer(db, { name: '张秀兰', at: area });
  const staff: StaffMember[] = [];
  const names = ['王建国', '李红梅', '赵志强', '陈桂芳', '刘德明'];
  for (let i = 0; i < (opts.staff ?? 1); i++) {
    // Each one a little further away than the one before (about 1 km apart).
    const s = await createStaff(db, {
      at: { lat: area.lat + i * 0.009, lng: area.lng },
      name: names[i % names.length],
      gender: i % 2 === 0 ? 'male' : 'female',
      skills: opts.skills,
      dailyCap: opts.dailyCap,
    });
    staff.push({ ...s, token: await signIn(http, s.id) });
  }
  return { area, elder: { ...elder, token: await signIn(http, elder.id) }, staff };
}

export async function bookVisit(http: HttpClient, w: World, slotStart = china('2030-01-08', '14:00')) {
  const res = await book(http, w.elder.token, { addressId: w.elder.addressId as string, slotStart });
  if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${res.text}`);
  return res.json();
}

export function staffAct(http: HttpClient, token: string, id: string, action: string, body: Record<string, unknown>): Promise<HttpResponse> {
  return http('POST', `/api/staff/tasks/${id}/${action}`, { token, body });
}

export async function customerView(http: HttpClient, token: string, id: string) {
  const res = await http('GET', `/api/bookings/${id}`, { token });
  if (res.status !== 200) throw new Error(`view failed: ${res.status} ${res.text}`);
  return res.json();
}

/** Who holds the booking now, by staff id. */
export async function holder(db: Db, id: string): Promise<{ status: string; staffId: string | null }> {
  const r = await db.query<{ status: string; staffId: string | null }>('select status, staff_id as "staffId" from bookings where id = $1', [id]);
  return r.rows[0];
}

/** Takes a booking through confirm → depart with the staff member who holds it; returns the fresh task. */
export async function confirmAndDepart(http: HttpClient, member: StaffMember, booking: { id: string; version: number }) {
  const confirmed = await staffAct(http, member.token, booking.id, 'confirm', { version: booking.version });
  if (confirmed.status !== 200) throw new Error(`confirm failed: ${confirmed.status} ${confirmed.text}`);
  const departed = await staffAct(http, member.token, booking.id, 'depart', { version: confirmed.json().version, location: { lat: 31.2, lng: 121.4 } });
  if (departed.status !== 200) throw new Error(`depart failed: ${departed.status} ${departed.text}`);
  return departed.json();
}
