/** The dispatch desk: the queue, candidates, reassigning by hand, cancelling, no-shows and leave. */
import { china, createCustomer, signIn } from '../helpers/fixtures';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { bookVisit, confirmAndDepart, customerView, holder, staffAct, world } from '../helpers/visits';

let server: TestServer;
let dispatcher: string;
beforeAll(async () => {
  server = await startTestServer();
  const d = await server.db.query<{ id: string }>(`insert into users (role, name) values ('dispatcher', '周敏') returning id`);
  dispatcher = await signIn(server.http, d.rows[0].id);
});
afterAll(() => server.close());

const post = (path: string, body: Record<string, unknown>) => server.http('POST', path, { token: dispatcher, body });

describe('the dispatch desk', () => {
  it('shows an unmatched visit at the top, ranks who could take it, and reassigns it by hand', async () => {
    const w = await world(server.db, server.http, { staff: 1 });
    const booking = await bookVisit(server.http, w);
    await staffAct(server.http, w.staff[0].token, booking.id, 'decline', { version: booking.version, reason: '身体不舒服' });
    expect((await holder(server.db, booking.id)).status).toBe('unmatched');

    const queue = (await server.http('GET', '/api/dispatch/queue', { token: dispatcher })).json();
    const entry = queue.unmatched.find((e: { booking: { id: string } }) => e.booking.id === booking.id);
    expect(entry).toMatchObject({ district: '测试区', booking: { status: 'unmatched', doorCode: null } });
    expect(entry.booking.allowedActions).toEqual(['reassign', 'rematch', 'cancel']);

    const candidates = (await server.http('GET', `/api/dispatch/bookings/${booking.id}/candidates`, { token: dispatcher })).json();
    expect(candidates.map((c: { staff: { id: string } }) => c.staff.id)).toEqual([w.staff[0].id]);
    expect(candidates[0].reasons.join('，')).toMatch(/距您 \d+\.\d 公里/);

    const stranger = await world(server.db, server.http);
    const far = await post(`/api/dispatch/bookings/${booking.id}/reassign`, { version: entry.booking.version, staffId: stranger.staff[0].id, reason: '人工安排' });
    expect(far.status).toBe(422);
    expect(far.json().code).toBe('STAFF_NOT_AVAILABLE');

    const res = await post(`/api/dispatch/bookings/${booking.id}/reassign`, { version: entry.booking.version, staffId: w.staff[0].id, reason: '电话沟通后可以来' });
    expect(res.status).toBe(200);
    expect(res.json().booking).toMatchObject({ status: 'offered', staff: { id: w.staff[0].id } });
    const view = await customerView(server.http, w.elder.token, booking.id);
    expect(view.timeline.at(-1).text).toBe('调度员为您改派了王师傅（原因：电话沟通后可以来）');
  });

  it('cancels and records a staff no-show only with a reason; customers and staff cannot use the desk', async () => {
    const w = await world(server.db, server.http);
    const booking = await bookVisit(server.http, w);
    const departed = await confirmAndDepart(server.http, w.staff[0], booking);
    const bare = await post(`/api/dispatch/bookings/${booking.id}/staff-no-show`, { version: departed.version, reason: ' ' });
    expect(bare.json().code).toBe('REASON_REQUIRED');
    const noShow = await post(`/api/dispatch/bookings/${booking.id}/staff-no-show`, { version: departed.version, reason: '超过约定时间一小时未到' });
    expect(noShow.json().booking.status).toBe('no_show_staff');

    const second = await bookVisit(server.http, w, china('2030-01-09', '09:00'));
    const cancelled = await post(`/api/dispatch/bookings/${second.id}/cancel`, { version: second.version, reason: '客户电话要求取消' });
    expect(cancelled.json().booking.status).toBe('cancelled');
    expect((await customerView(server.http, w.elder.token, second.id)).timeline.at(-1).text).toBe('调度员取消了这次服务（原因：客户电话要求取消）');

    for (const token of [w.elder.token, w.staff[0].token]) {
      const res = await server.http('GET', '/api/dispatch/queue', { token });
      expect([res.status, res.json().code]).toEqual([403, 'FORBIDDEN']);
    }
  });

  it('refuses leave that ends before it starts', async () => {
    const w = await world(server.db, server.http);
    const res = await post(`/api/dispatch/staff/${w.staff[0].id}/leave`, { from: china('2030-01-09', '00:00'), to: china('2030-01-08', '00:00'), reason: '病假' });
    expect([res.status, res.json().code]).toEqual([400, 'INVALID_TIME_RANGE']);
    const none = await server.db.query('select 1 from staff_leave where staff_id = $1', [w.staff[0].id]);
    expect(none.rows).toHaveLength(0);
  });

  it('when a person falls ill, matches their visits again together and stops offering them work in the leave', async () => {
    const w = await world(server.db, server.http, { staff: 3, dailyCap: 6 });
    const neighbours = await Promise.all([0, 1, 2].map(() => createCustomer(server.db, { at: w.area })));
    const tokens = await Promise.all(neighbours.map((n) => signIn(server.http, n.id)));
    const starts = [china('2030-01-08', '09:00'), china('2030-01-08', '10:30'), china('2030-01-08', '14:00')];
    const visits = [];
    for (let i = 0; i < 3; i++) visits.push(await bookVisit(server.http, { ...w, elder: { ...neighbours[i], token: tokens[i] } }, starts[i]));
    // Fair load spreads these over the three; the dispatcher gives them all to the first person.
    for (const [i, v] of visits.entries()) {
      if ((await holder(server.db, v.id)).staffId === w.staff[0].id) continue;
      const moved = await post(`/api/dispatch/bookings/${v.id}/reassign`, { version: v.version, staffId: w.staff[0].id, reason: '老客户指定' });
      expect(moved.status).toBe(200);
      visits[i] = moved.json().booking;
    }
    await staffAct(server.http, w.staff[0].token, visits[0].id, 'confirm', { version: visits[0].version });

    const res = await post(`/api/dispatch/staff/${w.staff[0].id}/leave`, { from: china('2030-01-08', '00:00'), to: china('2030-01-09', '00:00'), reason: '发烧，医生建议休息' });
    expect(res.status).toBe(201);
    expect(res.json()).toMatchObject({ affected: 3, reassigned: 3, unmatched: 0 });
    for (let i = 0; i < 3; i++) {
      const now = await holder(server.db, visits[i].id);
      expect(now.status).toBe('offered');
      expect([w.staff[1].id, w.staff[2].id]).toContain(now.staffId);
      const view = await customerView(server.http, tokens[i], visits[i].id);
      // The customer hears that the person changed, never the private reason.
      expect(view.timeline.map((e: { text: string }) => e.text)).toContain('正在为您重新安排服务人员（原因：原定的服务人员临时有事）');
      expect(JSON.stringify(view)).not.toContain('发烧');
    }
    const later = await bookVisit(server.http, w, china('2030-01-08', '15:30'));
    expect((await holder(server.db, later.id)).staffId).not.toBe(w.staff[0].id);
  });

  it('matches the whole unmatched backlog again together once someone can take it', async () => {
    const w = await world(server.db, server.http, { staff: 1 });
    const a = await bookVisit(server.http, w, china('2030-01-09', '09:00'));
    const b = await bookVisit(server.http, w, china('2030-01-09', '14:00'));
    for (const v of [a, b]) await staffAct(server.http, w.staff[0].token, v.id, 'decline', { version: v.version, reason: '那天不在上海' });
    expect((await holder(server.db, a.id)).status).toBe('unmatched');
    // A new colleague joins the area.
    const colleague = await world(server.db, server.http);
    await server.db.query('update staff_profiles set base_lat = $2, base_lng = $3 where user_id = $1', [colleague.staff[0].id, w.area.lat, w.area.lng]);
    const res = await post('/api/dispatch/rematch-unmatched', {});
    expect(res.status).toBe(200);
    expect(res.json().reassigned).toBeGreaterThanOrEqual(2);
    for (const v of [a, b]) expect(await holder(server.db, v.id)).toEqual({ status: 'offered', staffId: colleague.staff[0].id });
    expect((await customerView(server.http, w.elder.token, a.id)).timeline.at(-1).text).toBe('已为您安排王师傅，等待确认');
  });
});
