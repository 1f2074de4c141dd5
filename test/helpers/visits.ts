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

// ---- the record of the day: what 完成 needs ----

/** A real 1×1 PNG: stands for a photo of a document, or for a signature drawn on screen. */
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f8a0d60000000049454e44ae426082',
  'hex',
);

let keys = 0;
/** A fresh Idempotency-Key, as the app sends with every staff write. */
export const newKey = (prefix = 'key') => `${prefix}-${process.pid}-${Date.now()}-${(keys += 1)}`;

/** POST raw image bytes to a staff upload route (a photo of a document, or the signature). */
export function staffUpload(http: HttpClient, token: string, path: string, bytes: Buffer, key = newKey('upload'), contentType = 'image/png'): Promise<HttpResponse> {
  return http('POST', path, { token, rawBody: new Uint8Array(bytes), headers: { 'content-type': contentType, 'idempotency-key': key } });
}

async function expectOk(res: Promise<HttpResponse>, what: string): Promise<void> {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what} failed: ${r.status} ${r.text}`);
}

/**
 * Records what 完成 needs, through the staff routes as the staff member would (the visit must be
 * arrived or in service): a photo of every claim document not yet photographed (a photo marks it
 * collected), every escort milestone, the assessment notes where the claim needs them, and the
 * customer's signature.
 */
export async function fillCompletionRecord(http: HttpClient, staffToken: string, bookingId: string): Promise<void> {
  const task = `/api/staff/tasks/${bookingId}`;
  const detail = await http('GET', task, { token: staffToken });
  if (detail.status !== 200) throw new Error(`task detail failed: ${detail.status} ${detail.text}`);
  const { record } = detail.json();
  for (const d of record.documents as Array<{ key: string; status: string; photoIds: string[] }>) {
    if (d.status !== 'not_available' && d.photoIds.length === 0) await expectOk(staffUpload(http, staffToken, `${task}/files?item=${d.key}`, PNG), `photo of ${d.key}`);
  }
  for (const m of record.milestones as Array<{ key: string; doneAt: string | null }>) {
    if (!m.doneAt) await expectOk(http('PUT', `${task}/record/milestones/${m.key}`, { token: staffToken, body: { done: true }, headers: { 'idempotency-key': newKey('milestone') } }), m.key);
  }
  if (record.assessment.required && !record.assessment.notes) {
    const body = { notes: '左腿活动受限，已按评定标准记录' };
    await expectOk(http('PUT', `${task}/record/assessment`, { token: staffToken, body, headers: { 'idempotency-key': newKey('assessment') } }), 'assessment');
  }
  if (!record.signature) await expectOk(staffUpload(http, staffToken, `${task}/signature`, PNG), 'signature');
}

/**
 * Takes a visit through confirm → depart → arrive (with the elder's door code) and, for
 * 'in_service', start; returns the staff member's task card as it is then.
 */
export async function workUntil(http: HttpClient, w: World, member: StaffMember, booking: { id: string; version: number }, until: 'arrived' | 'in_service') {
  const departed = await confirmAndDepart(http, member, booking);
  const { doorCode } = await customerView(http, w.elder.token, booking.id);
  const arrived = await staffAct(http, member.token, booking.id, 'arrive', { version: departed.version, doorCode });
  if (arrived.status !== 200) throw new Error(`arrive failed: ${arrived.status} ${arrived.text}`);
  if (until === 'arrived') return arrived.json();
  const started = await staffAct(http, member.token, booking.id, 'start', { version: arrived.json().version });
  if (started.status !== 200) throw new Error(`start failed: ${started.status} ${started.text}`);
  return started.json();
}
