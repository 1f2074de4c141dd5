/** What 专属 means on the server: the person who served the elder before comes again, and says why. */
import { china } from '../helpers/fixtures';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { bookVisit, confirmAndDepart, customerView, fillCompletionRecord, holder, staffAct, world } from '../helpers/visits';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

it('sends the person who served the elder before, ahead of a nearer stranger, and tells the elder why', async () => {
  const w = await world(server.db, server.http, { staff: 2 });
  const [near, far] = w.staff;
  const first = await bookVisit(server.http, w, china('2030-01-08', '09:00'));
  expect((await holder(server.db, first.id)).staffId).toBe(near.id);
  await staffAct(server.http, near.token, first.id, 'decline', { version: first.version, reason: '那天排满了' });
  expect((await holder(server.db, first.id)).staffId).toBe(far.id);

  // The farther person does the visit from start to end.
  const offered = await customerView(server.http, w.elder.token, first.id);
  const departed = await confirmAndDepart(server.http, far, offered);
  const code = (await customerView(server.http, w.elder.token, first.id)).doorCode;
  const arrived = (await staffAct(server.http, far.token, first.id, 'arrive', { version: departed.version, doorCode: code })).json();
  const started = (await staffAct(server.http, far.token, first.id, 'start', { version: arrived.version })).json();
  await fillCompletionRecord(server.http, far.token, first.id);
  expect((await staffAct(server.http, far.token, first.id, 'complete', { version: started.version })).json().status).toBe('completed');

  const second = await bookVisit(server.http, w, china('2030-01-10', '14:00'));
  expect((await holder(server.db, second.id)).staffId).toBe(far.id);
  expect(second.matchReasons[0]).toBe('曾为您服务 1 次');
  expect(second.matchReasons.join('，')).toMatch(/^曾为您服务 1 次，距您 \d+\.\d 公里/);
});

it('prefers a person who speaks the elder’s dialect, and says so', async () => {
  const w = await world(server.db, server.http, { staff: 2 });
  await server.db.query(`update users set dialect = '上海话' where id = $1`, [w.elder.id]);
  await server.db.query(`update staff_profiles set dialects = '{上海话,普通话}' where user_id = $1`, [w.staff[1].id]);
  const booking = await bookVisit(server.http, w);
  expect(booking.staff.id).toBe(w.staff[1].id);
  expect(booking.matchReasons).toContain('会说上海话');
});
