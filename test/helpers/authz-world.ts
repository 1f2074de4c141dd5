/**
 * A small world for authorisation cases, made fresh where a case may change it: an elder E with a
 * saved address and a phone, whose booking is offered to staff A; F, a family member E consented
 * to; U, a customer with no link to E; R, a family member whose consent E revoked; staff B, who
 * could serve E but was not given the visit; and a dispatcher. Then one fixture per route: how to
 * ask that route about this world's objects.
 */
import { SLOT_HOLDING_STATUSES, type VisitStatus } from '@domain';
import type { Db } from '../../server/db';
import { insertSession } from '../../server/modules/auth/repository';
import { hashToken, newSessionToken } from '../../server/modules/auth/tokens';
import type { FakeWechat } from './fake-wechat';
import { book, china, createCustomer, createStaff, linkFamily, unique, type CustomerFixture, type StaffFixture } from './fixtures';
import type { HttpClient } from './http-client';
import { fillCompletionRecord } from './visits';
import type { PolicyRole } from './route-catalog';

/** Each column is run as these callers; "not linked, or revoked" is run as both. */
export const CALLERS = ['anonymous', 'elder', 'family', 'familyUnlinked', 'familyRevoked', 'staffAssigned', 'staffOther', 'dispatcher'] as const;
export type Caller = (typeof CALLERS)[number];
export const COLUMN_OF: Record<Caller, PolicyRole> = {
  anonymous: 'anonymous',
  elder: 'elder',
  family: 'family',
  familyUnlinked: 'familyUnlinked',
  familyRevoked: 'familyUnlinked',
  staffAssigned: 'staffAssigned',
  staffOther: 'staffOther',
  dispatcher: 'dispatcher',
};

export interface WorldServers {
  db: Db;
  http: HttpClient;
  /** The same database behind an app with WeChat configured (for the WeChat sign-in route). */
  wechatHttp: HttpClient;
  wechat: FakeWechat;
}

export interface World extends WorldServers {
  elder: CustomerFixture & { addressId: string; addressText: string; phone: string };
  family: CustomerFixture;
  unlinked: CustomerFixture;
  revoked: CustomerFixture;
  staffA: StaffFixture;
  staffB: StaffFixture;
  dispatcherId: string;
  booking: { id: string; version: number; status: VisitStatus };
  /** Ids a route fixture made for itself (an invitation token, a complaint…). */
  extra: Record<string, string>;
  /** A bearer token for this caller (signed in once per world), none for anonymous. */
  token(caller: Caller): Promise<string | undefined>;
  /** Whether staff A holds the visit now (assigned, in a status that holds their time). */
  heldByStaffA(): Promise<boolean>;
}

/**
 * A session made the way sign-in makes one (same token and hash functions, same row), without a
 * round trip per caller: hundreds of worlds sign in eight people each.
 */
export async function sessionFor(db: Db, userId: string, expiresAt = new Date('2031-01-01T00:00:00Z')): Promise<string> {
  const token = newSessionToken();
  await insertSession(db, { tokenHash: hashToken(token), userId, wechatSessionKey: null, createdAt: new Date('2030-01-01T00:00:00Z'), expiresAt });
  return token;
}

async function createDispatcher(db: Db): Promise<string> {
  const r = await db.query<{ id: string }>(`insert into users (role, name, gender) values ('dispatcher', $1, 'female') returning id`, [`调度${unique()}`]);
  return r.rows[0].id;
}

async function bookingState(db: Db, id: string): Promise<{ version: number; status: VisitStatus; staffId: string | null }> {
  const r = await db.query<{ version: number; status: VisitStatus; staff_id: string | null }>('select version, status, staff_id from bookings where id = $1', [id]);
  return { version: r.rows[0].version, status: r.rows[0].status, staffId: r.rows[0].staff_id };
}

/** The first visit of the world: tomorrow 14:00 China time (the test clock is Monday 08:00). */
export const WORLD_SLOT = china('2030-01-08', '14:00');
/** A later free slot, for routes that book or move a visit. */
export const OTHER_SLOT = china('2030-01-09', '10:30');

let worlds = 0;
/**
 * A spot of its own for each world, ~55 km from the next (staff serve 5 km): a grid over
 * latitudes -60…60, since a few hundred worlds would run past the poles on one meridian.
 */
function worldArea(): { lat: number; lng: number } {
  const n = worlds++;
  return { lat: -60 + (n % 240) * 0.5, lng: -170 + Math.floor(n / 240) * 2 };
}

export async function createWorld(servers: WorldServers): Promise<World> {
  const { db, http } = servers;
  const area = worldArea();
  // Unique full name, address and phone: the data rule looks for them in every answer.
  const elder = await createCustomer(db, { name: `张${unique()}`, at: area });
  const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  await db.query('update users set phone = $2 where id = $1', [elder.id, phone]);
  const address = await db.query<{ text: string }>('select text from addresses where id = $1', [elder.addressId]);
  const family = await createCustomer(db, { at: null });
  await linkFamily(db, family.id, elder.id);
  const unlinked = await createCustomer(db, { at: null });
  const revoked = await createCustomer(db, { at: null });
  await linkFamily(db, revoked.id, elder.id, { revoked: true });
  const staffA = await createStaff(db, { at: area, name: '李红梅', gender: 'female' });
  const dispatcherId = await createDispatcher(db);

  const tokens = new Map<Caller, string>();
  const ids = { elder: elder.id, family: family.id, familyUnlinked: unlinked.id, familyRevoked: revoked.id, staffAssigned: staffA.id, dispatcher: dispatcherId } as Record<Caller, string>;
  tokens.set('elder', await sessionFor(db, elder.id));
  const res = await book(http, tokens.get('elder') as string, { addressId: elder.addressId as string, slotStart: WORLD_SLOT });
  if (res.status !== 201) throw new Error(`world booking failed: ${res.status} ${res.text}`);
  const booked = res.json<{ id: string; version: number; status: VisitStatus }>();
  // Made after the booking, so the matcher could only choose A; B could serve E but was not asked.
  const staffB = await createStaff(db, { at: area, name: '王建华' });
  ids.staffOther = staffB.id;

  return {
    ...servers,
    elder: { ...elder, addressId: elder.addressId as string, addressText: address.rows[0].text, phone },
    family,
    unlinked,
    revoked,
    staffA,
    staffB,
    dispatcherId,
    booking: { id: booked.id, version: booked.version, status: booked.status },
    extra: {},
    async token(caller) {
      if (caller === 'anonymous') return undefined;
      if (!tokens.has(caller)) tokens.set(caller, await sessionFor(db, ids[caller]));
      return tokens.get(caller);
    },
    async heldByStaffA() {
      const b = await bookingState(db, booked.id);
      return b.staffId === staffA.id && SLOT_HOLDING_STATUSES.includes(b.status);
    },
  };
}

/** The staff action that moves a visit into each status, in lifecycle order. */
const FORWARD: Array<[VisitStatus, string]> = [
  ['confirmed', 'confirm'],
  ['en_route', 'depart'],
  ['arrived', 'arrive'],
  ['in_service', 'start'],
  ['completed', 'complete'],
];

/** Moves the world's booking on to `status` through the real routes, as staff A would. */
export async function reachState(w: World, status: VisitStatus): Promise<void> {
  const stop = FORWARD.findIndex(([s]) => s === status);
  if (stop < 0 && status !== 'offered') throw new Error(`no fixture path to a booking in status ${status}`);
  const staffToken = await w.token('staffAssigned');
  for (const [, action] of FORWARD.slice(0, stop + 1)) {
    const code = await w.db.query<{ door_code: string | null }>('select door_code from bookings where id = $1', [w.booking.id]);
    const body = { version: w.booking.version, ...(action === 'arrive' ? { doorCode: code.rows[0].door_code } : {}) };
    // 完成 needs the record of the day: the documents photographed and the customer's signature.
    if (action === 'complete') await fillCompletionRecord(w.http, staffToken as string, w.booking.id);
    const res = await w.http('POST', `/api/staff/tasks/${w.booking.id}/${action}`, { token: staffToken, body });
    if (res.status !== 200) throw new Error(`fixture could not ${action}: ${res.status} ${res.text}`);
    Object.assign(w.booking, await bookingState(w.db, w.booking.id));
  }
}
