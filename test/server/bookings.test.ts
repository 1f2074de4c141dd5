/** Booking a visit end to end: matching, events, idempotency, family consent, who may see what. */
import { ERROR_CATALOG } from '@domain';
import { book, china, createCustomer, createStaff, linkFamily, signIn, uniqueArea } from '../helpers/fixtures';
import { startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const TUESDAY_0900 = china('2030-01-08', '09:00');

async function neighbourhood() {
  const area = uniqueArea();
  const elder = await createCustomer(server.db, { name: '周美兰', at: area });
  const staff = await createStaff(server.db, { at: area, name: '王建华', gender: 'male' });
  return { area, elder, staff, token: await signIn(server.http, elder.id), addressId: elder.addressId as string };
}

async function eventsOf(bookingId: string) {
  const r = await server.db.query<{ seq: number; from_status: string | null; to_status: string; action: string; actor_role: string }>(
    'select seq, from_status, to_status, action, actor_role from visit_events where booking_id = $1 order by seq',
    [bookingId],
  );
  return r.rows;
}

describe('POST /api/bookings', () => {
  it('books, matches and offers the visit to a staff member in one go, with every step recorded', async () => {
    const { elder, staff, token, addressId } = await neighbourhood();
    const res = await book(server.http, token, { addressId, slotStart: TUESDAY_0900, claimType: 'outpatient', note: '请先打电话' });
    expect(res.status).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({
      status: 'offered',
      statusLabel: '等待服务人员确认',
      version: 3,
      serviceType: 'claim',
      claimType: 'outpatient',
      elder: { id: elder.id, name: '周美兰' },
      slotStart: TUESDAY_0900,
      slotEnd: china('2030-01-08', '10:00'),
      note: '请先打电话',
      staff: { id: staff.id, name: '王建华', title: '王师傅', staffNo: staff.staffNo, photoUrl: `/media/staff-photos/${staff.staffNo}.svg`, rating: 4.8 },
      allowedActions: ['reschedule', 'cancel'],
    });
    expect(view.matchReasons).toEqual(expect.arrayContaining(['熟悉理赔办理', expect.stringMatching(/^距您 \d+\.\d 公里$/)]));
    expect(view.timeline.map((e: { toStatus: string; text: string }) => [e.toStatus, e.text])).toEqual([
      ['submitted', '您提交了预约'],
      ['matching', '正在为您安排服务人员'],
      ['offered', '已为您安排王师傅，等待确认'],
    ]);
    expect(await eventsOf(view.id)).toEqual([
      { seq: 1, from_status: null, to_status: 'submitted', action: 'submit', actor_role: 'customer' },
      { seq: 2, from_status: 'submitted', to_status: 'matching', action: 'start_matching', actor_role: 'system' },
      { seq: 3, from_status: 'matching', to_status: 'offered', action: 'offer', actor_role: 'system' },
    ]);
    const offers = await server.db.query('select staff_id, outcome from booking_offers where booking_id = $1', [view.id]);
    expect(offers.rows).toEqual([{ staff_id: staff.id, outcome: 'pending' }]);

    const again = await server.http('GET', `/api/bookings/${view.id}`, { token });
    expect(again.json()).toEqual(view);
    const list = await server.http('GET', '/api/bookings', { token });
    expect(list.json()).toEqual([view]);
  });

  it('returns the same booking when the same Idempotency-Key is replayed, and refuses a different body with it', async () => {
    const { token, addressId } = await neighbourhood();
    const first = await book(server.http, token, { addressId, slotStart: TUESDAY_0900, key: 'replay-key-0001' });
    expect(first.status).toBe(201);
    const replay = await book(server.http, token, { addressId, slotStart: TUESDAY_0900, key: 'replay-key-0001' });
    expect(replay.status).toBe(200);
    expect(replay.json()).toEqual(first.json());
    const changed = await book(server.http, token, { addressId, slotStart: china('2030-01-08', '10:30'), key: 'replay-key-0001' });
    expect(changed.status).toBe(422);
    expect(changed.json()).toEqual({ code: 'IDEMPOTENCY_KEY_REUSED', message: ERROR_CATALOG.IDEMPOTENCY_KEY_REUSED.message });
    const count = await server.db.query<{ n: number }>('select count(*)::int as n from bookings where idempotency_key = $1', ['replay-key-0001']);
    expect(count.rows[0].n).toBe(1);
  });

  it('needs an Idempotency-Key', async () => {
    const { token, addressId } = await neighbourhood();
    const res = await server.http('POST', '/api/bookings', { token, body: { serviceType: 'claim', claimType: 'other', addressId, slotStart: TUESDAY_0900 } });
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({ code: 'IDEMPOTENCY_KEY_REQUIRED', message: ERROR_CATALOG.IDEMPOTENCY_KEY_REQUIRED.message });
  });

  it('refuses a slot we do not offer and an address that is not the elder’s', async () => {
    const { token, addressId } = await neighbourhood();
    const odd = await book(server.http, token, { addressId, slotStart: china('2030-01-08', '09:15') });
    expect(odd.status).toBe(422);
    expect(odd.json().code).toBe('SLOT_NOT_AVAILABLE');
    const tooSoon = await book(server.http, token, { addressId, slotStart: china('2030-01-07', '09:00') });
    expect(tooSoon.json().code).toBe('SLOT_NOT_AVAILABLE');
    const other = await neighbourhood();
    const foreign = await book(server.http, token, { addressId: other.addressId, slotStart: TUESDAY_0900 });
    expect(foreign.status).toBe(422);
    expect(foreign.json().code).toBe('ADDRESS_NOT_FOUND');
  });

  it('says SLOT_NOT_AVAILABLE when nobody could ever come, and leaves nothing behind', async () => {
    const elder = await createCustomer(server.db, { at: uniqueArea() });
    const token = await signIn(server.http, elder.id);
    const res = await book(server.http, token, { addressId: elder.addressId as string, slotStart: TUESDAY_0900 });
    expect(res.status).toBe(422);
    expect(res.json().code).toBe('SLOT_NOT_AVAILABLE');
    const left = await server.db.query('select 1 from bookings where elder_id = $1', [elder.id]);
    expect(left.rows).toEqual([]);
  });
});

describe('family booking', () => {
  it('lets a family member book for an elder who consented, and says so on the timeline', async () => {
    const { elder, token: elderToken, addressId } = await neighbourhood();
    const family = await createCustomer(server.db, { name: '周强', at: null });
    await linkFamily(server.db, family.id, elder.id);
    const familyToken = await signIn(server.http, family.id);
    const res = await book(server.http, familyToken, { addressId, elderId: elder.id, slotStart: TUESDAY_0900 });
    expect(res.status).toBe(201);
    const view = res.json();
    expect(view.elder).toEqual({ id: elder.id, name: '周美兰' });
    // The family member reads what they did themselves as "您…"; the elder reads who did it for them.
    expect(view.timeline[0].text).toBe('您提交了预约');
    expect(view.timeline[0].actorRole).toBe('family');
    // The elder sees it too, with the actions an elder has.
    const seen = await server.http('GET', `/api/bookings/${view.id}`, { token: elderToken });
    expect(seen.status).toBe(200);
    expect(seen.json().timeline[0]).toMatchObject({ text: '您的家人 周强为您提交了预约', actorRole: 'family' });
    expect(seen.json().allowedActions).toEqual(['reschedule', 'cancel']);
    const row = await server.db.query('select booked_by, booked_by_role from bookings where id = $1', [view.id]);
    expect(row.rows[0]).toEqual({ booked_by: family.id, booked_by_role: 'family' });
  });

  it('refuses a family member without consent, or whose consent was revoked', async () => {
    const { elder, addressId } = await neighbourhood();
    const stranger = await createCustomer(server.db, { at: null });
    const revoked = await createCustomer(server.db, { at: null });
    await linkFamily(server.db, revoked.id, elder.id, { revoked: true });
    for (const who of [stranger, revoked]) {
      const res = await book(server.http, await signIn(server.http, who.id), { addressId, elderId: elder.id, slotStart: TUESDAY_0900 });
      expect(res.status).toBe(403);
      expect(res.json()).toEqual({ code: 'NOT_LINKED_TO_ELDER', message: ERROR_CATALOG.NOT_LINKED_TO_ELDER.message });
    }
  });
});

describe('object-level authorisation on bookings', () => {
  it('hides one customer’s booking from another, and from a family member once consent is revoked', async () => {
    const { elder, token, addressId } = await neighbourhood();
    const created = (await book(server.http, token, { addressId, slotStart: TUESDAY_0900 })).json();
    const other = await createCustomer(server.db, { at: null });
    const otherToken = await signIn(server.http, other.id);
    const peek = await server.http('GET', `/api/bookings/${created.id}`, { token: otherToken });
    expect(peek.status).toBe(404);
    expect(peek.json().code).toBe('NOT_FOUND');
    expect((await server.http('GET', '/api/bookings', { token: otherToken })).json()).toEqual([]);

    await linkFamily(server.db, other.id, elder.id);
    expect((await server.http('GET', `/api/bookings/${created.id}`, { token: otherToken })).status).toBe(200);
    await server.db.query("update family_links set revoked_at = '2030-01-07T00:00:00Z' where family_user_id = $1", [other.id]);
    expect((await server.http('GET', `/api/bookings/${created.id}`, { token: otherToken })).status).toBe(404);
  });

  it('answers an unknown booking id with NOT_FOUND and a malformed one with VALIDATION_FAILED', async () => {
    const { token } = await neighbourhood();
    expect((await server.http('GET', '/api/bookings/00000000-0000-4000-8000-000000000999', { token })).status).toBe(404);
    const bad = await server.http('GET', '/api/bookings/not-an-id', { token });
    expect(bad.status).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
  });
});
