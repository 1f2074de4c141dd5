/**
 * The service levels of one constructed day (Monday 2030-02-04, China time) on a database of its
 * own: bookings created that day and how fast their first offer went out, arrivals against the
 * window's start + grace, no-shows, and the complaints still waiting for an answer.
 */
import { book, china, createCustomer, signIn, unique, type CustomerFixture } from '../helpers/fixtures';
import { startTestServer, TestClock, type TestServer } from '../helpers/test-server';
import { staffAct, world, type World } from '../helpers/visits';

const DAY = '2030-02-04';
let server: TestServer;
let dispatcher: string;
let w: World;

beforeAll(async () => {
  server = await startTestServer({ clock: new TestClock(china(DAY, '08:00')) });
  const d = await server.db.query<{ id: string }>(`insert into users (role, name) values ('dispatcher', '周敏') returning id`);
  dispatcher = await signIn(server.http, d.rows[0].id);
  w = await world(server.db, server.http, { staff: 2 });
});
afterAll(() => server.close());

const at = (hhmm: string, date = DAY) => server.clock.set(china(date, hhmm));
const levels = async (date: string | null, http = server.http) => {
  const res = await http('GET', `/api/dispatch/service-levels${date ? `?date=${date}` : ''}`, { token: dispatcher });
  expect(res.status).toBe(200);
  return res.json();
};

interface Visit {
  id: string;
  version: number;
  staffToken: string;
  customer: { token: string };
}

async function customer(): Promise<CustomerFixture & { token: string }> {
  const c = await createCustomer(server.db, { at: w.area });
  return { ...c, token: await signIn(server.http, c.id) };
}

/** Booked now through the app (offered at once) and confirmed by whoever it went to. */
async function confirmedVisit(slot: string): Promise<Visit> {
  const c = await customer();
  const res = await book(server.http, c.token, { addressId: c.addressId as string, slotStart: china(DAY, slot) });
  if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${res.text}`);
  const staffToken = w.staff.find((s) => s.id === res.json().staff.id)?.token as string;
  const confirmed = (await staffAct(server.http, staffToken, res.json().id, 'confirm', { version: res.json().version })).json();
  return { id: confirmed.id, version: confirmed.version, staffToken, customer: c };
}

async function act(v: Visit, action: string, extra: Record<string, unknown> = {}): Promise<void> {
  const res = await staffAct(server.http, v.staffToken, v.id, action, { version: v.version, location: { lat: w.area.lat, lng: w.area.lng }, ...extra });
  if (res.status !== 200) throw new Error(`${action} failed: ${res.status} ${res.text}`);
  v.version = res.json().version;
}

async function arriveAt(v: Visit, departAt: string, arriveAtTime: string): Promise<void> {
  at(departAt);
  await act(v, 'depart');
  at(arriveAtTime);
  const code = (await server.db.query<{ door_code: string }>('select door_code from bookings where id = $1', [v.id])).rows[0].door_code;
  await act(v, 'arrive', { doorCode: code });
}

async function complain(v: Visit, urgent: boolean): Promise<string> {
  const res = await server.http('POST', `/api/bookings/${v.id}/complaints`, {
    token: v.customer.token, headers: { 'idempotency-key': unique('c-') + unique() }, body: { category: 'late_or_absent', urgent, text: '等了很久' },
  });
  if (res.status !== 201) throw new Error(`complaint failed: ${res.status} ${res.text}`);
  return res.json().id;
}

/**
 * The app offers a booking at once or refuses it, so a slow first offer (a retried or backlogged
 * match) and a booking never offered are written here the way the database would hold them.
 */
async function bookingWithFirstOfferAfter(createdAt: string, offerMinutes: number | null): Promise<void> {
  const elder = await customer();
  const slot = china('2030-02-06', '09:00');
  const r = await server.db.query<{ id: string }>(
    `insert into bookings (elder_id, booked_by, booked_by_role, service_type, claim_type, address_label, address_text, address_district,
       address_lat, address_lng, slot_start, slot_end, busy_start, busy_end, status, idempotency_key, request_hash, created_at, updated_at)
     values ($1, $1, 'customer', 'claim', 'inpatient', '家', '测试路 9 号', '测试区', $2, $3, $4::timestamptz, $4::timestamptz + interval '1 hour',
       $4::timestamptz, $4::timestamptz + interval '1 hour', 'unmatched', $5, 'constructed', $6::timestamptz, $6::timestamptz) returning id`,
    [elder.id, w.area.lat, w.area.lng, slot, unique('k-'), createdAt],
  );
  if (offerMinutes === null) return;
  const offeredAt = new Date(Date.parse(createdAt) + offerMinutes * 60_000).toISOString();
  await server.db.query(
    `insert into booking_offers (booking_id, staff_id, offered_at, outcome, decided_at) values ($1, $2, $3::timestamptz, 'declined', $3::timestamptz)`,
    [r.rows[0].id, w.staff[0].id, offeredAt],
  );
}

it('counts the day: matched in time or late, arrivals on time or late, no-shows, open complaints with their deadlines; targets come from the configuration', async () => {
  // The day before: one booking, which belongs to that day's figures only.
  at('08:00', '2030-02-03');
  const c0 = await customer();
  expect((await book(server.http, c0.token, { addressId: c0.addressId as string, slotStart: china('2030-02-05', '10:30') })).status).toBe(201);

  at('08:00');
  const onTime = await confirmedVisit('10:30');
  const staffNoShow = await confirmedVisit('10:30');
  const late = await confirmedVisit('14:00');
  const customerNoShow = await confirmedVisit('15:30');
  await bookingWithFirstOfferAfter(china(DAY, '09:00'), 40);
  await bookingWithFirstOfferAfter(china(DAY, '09:10'), null);

  at('10:50');
  const noShow = await server.http('POST', `/api/dispatch/bookings/${staffNoShow.id}/staff-no-show`, { token: dispatcher, body: { version: staffNoShow.version, reason: '人员没有按时到' } });
  expect(noShow.status).toBe(200);
  await arriveAt(onTime, '10:00', '10:44'); // 14 minutes after the window opened: on time
  await arriveAt(late, '13:30', '14:16'); // 16 minutes after: late
  at('14:30');
  const urgent = await complain(late, true);
  at('15:10');
  await act(customerNoShow, 'depart');
  at('15:50');
  await act(customerNoShow, 'no-show', { reason: '敲门没有人应，电话也没人接' });
  const normal = await complain(customerNoShow, false);
  const answered = await complain(onTime, false);
  const progress = (id: string, body: unknown) => server.http('POST', `/api/complaints/${id}/progress`, { token: dispatcher, body });
  expect((await progress(normal, { status: 'in_progress' })).status).toBe(200);
  expect((await progress(answered, { status: 'answered', answer: '已向服务人员核实并致歉' })).status).toBe(200);

  at('17:00');
  const day = await levels(DAY);
  expect(day).toMatchObject({
    date: DAY,
    matching: { targetMinutes: 15, created: 6, matchedInTime: 4, matchedLate: 1, notMatched: 1 },
    arrival: { arrived: 2, onTime: 1, late: 1, graceMinutes: 15 },
    noShows: { customer: 1, staff: 1 },
  });
  // The urgent one should have been taken up by 16:30 and was not: overdue, and first.
  expect(day.openComplaints).toEqual([
    { id: urgent, bookingId: late.id, category: 'late_or_absent', urgent: true, status: 'received', internalDeadline: china(DAY, '16:30'), answerDeadline: expect.any(String), overdue: true },
    { id: normal, bookingId: customerNoShow.id, category: 'late_or_absent', urgent: false, status: 'in_progress', internalDeadline: expect.any(String), answerDeadline: expect.any(String), overdue: false },
  ]);

  expect((await levels('2030-02-03')).matching).toMatchObject({ created: 1, matchedInTime: 1 });
  expect((await levels('2030-02-05')).arrival).toEqual({ arrived: 0, onTime: 0, late: 0, graceMinutes: 15 });

  // The same day against targets set in the configuration.
  const relaxed = await server.variant({ MATCH_TARGET_MINUTES: '60', ARRIVAL_GRACE_MINUTES: '30' });
  const measured = await levels(DAY, relaxed.http);
  expect(measured.matching).toMatchObject({ targetMinutes: 60, matchedInTime: 5, matchedLate: 0 });
  expect(measured.arrival).toMatchObject({ graceMinutes: 30, onTime: 2, late: 0 });
});

it('is today when no date is given, and refuses a date that does not exist', async () => {
  at('09:00');
  expect((await levels(null)).date).toBe(DAY);
  const bad = await server.http('GET', '/api/dispatch/service-levels?date=2030-13-01', { token: dispatcher });
  expect([bad.status, bad.json().code]).toEqual([400, 'VALIDATION_FAILED']);
});
