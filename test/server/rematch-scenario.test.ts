/**
 * A bad morning: one person declines, another lets an offer lapse, a third falls ill. Every visit
 * affected ends offered to someone else or unmatched (for a dispatcher), and each customer's
 * timeline tells them what happened, in plain Chinese, every time.
 */
import { expireLapsedOffers } from '../../server/modules/jobs/offer-expiry';
import { china, createCustomer, signIn } from '../helpers/fixtures';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { customerView, holder, staffAct, world, bookVisit } from '../helpers/visits';

let server: TestServer;
let dispatcher: string;
beforeAll(async () => {
  server = await startTestServer();
  const d = await server.db.query<{ id: string }>(`insert into users (role, name) values ('dispatcher', '周敏') returning id`);
  dispatcher = await signIn(server.http, d.rows[0].id);
});
afterAll(() => server.close());

const texts = (view: { timeline: Array<{ text: string }> }) => view.timeline.map((e) => e.text);

it('declined, lapsed and ill: every visit ends matched or unmatched, and the customer is told each time', async () => {
  const w = await world(server.db, server.http, { staff: 3 });
  const customers = await Promise.all([0, 1, 2].map(() => createCustomer(server.db, { at: w.area })));
  const tokens = await Promise.all(customers.map((c) => signIn(server.http, c.id)));
  const as = (i: number) => ({ ...w, elder: { ...customers[i], token: tokens[i] } });
  const tokenOf = new Map(w.staff.map((s) => [s.id, s.token]));
  const [declined, lapsed, ill] = [
    await bookVisit(server.http, as(0), china('2030-01-08', '09:00')),
    await bookVisit(server.http, as(1), china('2030-01-08', '10:30')),
    await bookVisit(server.http, as(2), china('2030-01-08', '14:00')),
  ];

  // 1. The person offered the first visit declines: it goes to someone else at once.
  const first = await holder(server.db, declined.id);
  expect((await staffAct(server.http, tokenOf.get(first.staffId as string) as string, declined.id, 'decline', { version: declined.version, reason: '车坏了' })).status).toBe(204);
  const afterDecline = await holder(server.db, declined.id);
  expect(afterDecline.status).toBe('offered');
  expect(afterDecline.staffId).not.toBe(first.staffId);
  expect(texts(await customerView(server.http, tokens[0], declined.id))).toContain(`${first.staffId === w.staff[0].id ? '王师傅' : first.staffId === w.staff[1].id ? '李老师' : '赵师傅'}无法前来，正在为您重新安排（原因：车坏了）`);

  // The re-offered first visit and the third are confirmed; the second is left unanswered.
  for (const id of [declined.id, ill.id]) {
    const h = await holder(server.db, id);
    const v = (await server.db.query<{ version: number }>('select version from bookings where id = $1', [id])).rows[0].version;
    expect((await staffAct(server.http, tokenOf.get(h.staffId as string) as string, id, 'confirm', { version: v })).status).toBe(200);
  }

  // 2. Half an hour later the second offer lapses and is matched again, without that person.
  const unanswered = await holder(server.db, lapsed.id);
  server.clock.advanceMinutes(31);
  const sweep = await expireLapsedOffers(server.db, server.clock, server.config.lifecycle);
  expect(sweep.expired).toBe(1);
  const afterLapse = await holder(server.db, lapsed.id);
  expect(afterLapse.staffId).not.toBe(unanswered.staffId);
  expect(['offered', 'unmatched']).toContain(afterLapse.status);
  const lapsedView = await customerView(server.http, tokens[1], lapsed.id);
  expect(texts(lapsedView)).toContain('服务人员没有及时确认，正在为您重新安排');
  expect(texts(lapsedView).at(-1)).toMatch(afterLapse.status === 'offered' ? /^已为您安排.+，等待确认$/ : /^暂时没有合适的服务人员/);

  // 3. The person holding the third visit falls ill: their visits that day are matched again together.
  const sick = await holder(server.db, ill.id);
  const leave = await server.http('POST', `/api/dispatch/staff/${sick.staffId}/leave`, {
    token: dispatcher,
    body: { from: china('2030-01-08', '00:00'), to: china('2030-01-09', '00:00'), reason: '生病' },
  });
  expect(leave.status).toBe(201);
  expect(leave.json().affected).toBeGreaterThanOrEqual(1);

  // Every affected visit ends offered to someone able to come, or unmatched — never stuck, never with the ill person.
  for (const [i, booking] of [declined, lapsed, ill].entries()) {
    const now = await holder(server.db, booking.id);
    expect(['offered', 'confirmed', 'unmatched']).toContain(now.status);
    if (now.status !== 'unmatched') expect(now.staffId).not.toBe(sick.staffId);
    const view = await customerView(server.http, tokens[i], booking.id);
    const last = texts(view).at(-1) as string;
    expect(last).toMatch(/^(已为您安排.+，等待确认|.+已确认，会按约定时间上门|暂时没有合适的服务人员，调度员会尽快为您安排，并电话联系您)$/);
  }
  const illView = await customerView(server.http, tokens[2], ill.id);
  expect(texts(illView)).toContain('正在为您重新安排服务人员（原因：原定的服务人员临时有事）');

  // Unmatched visits wait at the top of the dispatch queue.
  const queue = (await server.http('GET', '/api/dispatch/queue', { token: dispatcher })).json();
  const unmatchedIds = queue.unmatched.map((e: { booking: { id: string } }) => e.booking.id);
  for (const booking of [declined, lapsed, ill]) {
    if ((await holder(server.db, booking.id)).status === 'unmatched') expect(unmatchedIds).toContain(booking.id);
  }
});

it('a lapsed offer is handled once even when two sweeps run at the same time (two instances)', async () => {
  const w = await world(server.db, server.http, { staff: 2 });
  const booking = await bookVisit(server.http, w, china('2030-01-10', '09:00'));
  server.clock.advanceMinutes(31);
  const results = await Promise.all([
    expireLapsedOffers(server.db, server.clock, server.config.lifecycle),
    expireLapsedOffers(server.db, server.clock, server.config.lifecycle),
  ]);
  expect(results.reduce((n, r) => n + r.expired, 0)).toBeGreaterThanOrEqual(1);
  const events = await server.db.query('select action from visit_events where booking_id = $1 and action = $2', [booking.id, 'expire']);
  expect(events.rows).toHaveLength(1);
  expect((await holder(server.db, booking.id)).status).toBe('offered');
});
