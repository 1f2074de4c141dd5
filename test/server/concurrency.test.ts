/**
 * The race that matters: many people booking the last free slot of the only qualified staff
 * member at the same moment, over real HTTP. Exactly one wins; everyone else is told, in Chinese,
 * that the time was just taken; nothing of the losers is left in the database.
 */
import { ERROR_CATALOG } from '@domain';
import { book, china, createCustomer, createStaff, offeredStarts, signIn, uniqueArea } from '../helpers/fixtures';
import { startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const TUESDAY = '2030-01-08';

it('20 simultaneous bookings for the last free slot: one 201, nineteen 409 SLOT_TAKEN, no 5xx, nothing left behind', async () => {
  const area = uniqueArea();
  // Works Tuesdays 08:30–15:00 only: 9:00, 10:30 and 14:00 are its only slots this week.
  const staff = await createStaff(server.db, { at: area, name: '赵师傅', hours: { '2': [['08:30', '15:00']] } });
  const early = await createCustomer(server.db, { at: area });
  const earlyToken = await signIn(server.http, early.id);
  for (const hhmm of ['09:00', '10:30']) {
    expect((await book(server.http, earlyToken, { addressId: early.addressId as string, slotStart: china(TUESDAY, hhmm) })).status).toBe(201);
  }
  expect(await offeredStarts(server.http, earlyToken, early.addressId as string)).toEqual([china(TUESDAY, '14:00')]);

  const customers = await Promise.all(
    Array.from({ length: 20 }, async () => {
      const c = await createCustomer(server.db, { at: { lat: area.lat + Math.random() * 0.01, lng: area.lng } });
      return { ...c, token: await signIn(server.http, c.id) };
    }),
  );
  const responses = await Promise.all(
    customers.map((c) => book(server.http, c.token, { addressId: c.addressId as string, slotStart: china(TUESDAY, '14:00') })),
  );

  const statuses = responses.map((r) => r.status);
  expect(statuses.filter((s) => s >= 500)).toEqual([]);
  expect(statuses.filter((s) => s === 201)).toHaveLength(1);
  const winner = responses.find((r) => r.status === 201)!.json();
  expect(winner.staff.id).toBe(staff.id);
  expect(winner.status).toBe('offered');
  const losers = responses.filter((r) => r.status !== 201);
  expect(losers).toHaveLength(19);
  for (const r of losers) {
    expect(r.status).toBe(409);
    expect(r.json()).toEqual({ code: 'SLOT_TAKEN', message: ERROR_CATALOG.SLOT_TAKEN.message });
  }

  const ids = customers.map((c) => c.id);
  const rows = await server.db.query<{ id: string }>('select id from bookings where elder_id = any($1::uuid[])', [ids]);
  expect(rows.rows.map((r) => r.id)).toEqual([winner.id]);
  const atSlot = await server.db.query('select 1 from bookings where staff_id = $1 and slot_start = $2::timestamptz', [staff.id, china(TUESDAY, '14:00')]);
  expect(atSlot.rows).toHaveLength(1);
  const events = await server.db.query<{ n: number }>(
    'select count(*)::int as n from visit_events e join bookings b on b.id = e.booking_id where b.elder_id = any($1::uuid[])',
    [ids],
  );
  expect(events.rows[0].n).toBe(3);
  const offers = await server.db.query<{ n: number }>('select count(*)::int as n from booking_offers where staff_id = $1', [staff.id]);
  expect(offers.rows[0].n).toBe(3);
  expect(await offeredStarts(server.http, customers[0].token, customers[0].addressId as string)).toEqual([]);
});

it('the same request sent five times at once with one Idempotency-Key makes one booking', async () => {
  const area = uniqueArea();
  await createStaff(server.db, { at: area });
  const elder = await createCustomer(server.db, { at: area });
  const token = await signIn(server.http, elder.id);
  const send = () => book(server.http, token, { addressId: elder.addressId as string, slotStart: china(TUESDAY, '10:30'), key: 'double-tap-key-1' });
  const responses = await Promise.all([send(), send(), send(), send(), send()]);
  expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
  expect(new Set(responses.map((r) => r.json().id)).size).toBe(1);
  const rows = await server.db.query('select 1 from bookings where elder_id = $1', [elder.id]);
  expect(rows.rows).toHaveLength(1);
});
