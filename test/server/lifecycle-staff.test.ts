/** A visit worked through by its staff member: confirm, depart, the door code, start, complete, no-show, decline. */
import { ERROR_CATALOG } from '@domain';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { bookVisit, confirmAndDepart, customerView, fillCompletionRecord, holder, staffAct, world } from '../helpers/visits';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('a visit from confirmation to completion', () => {
  it('shows the door code to the customer after confirmation, and only the right code lets the staff member in', async () => {
    const w = await world(server.db, server.http);
    await server.db.query(`update users set phone = '13800001111' where id = $1`, [w.elder.id]);
    const booking = await bookVisit(server.http, w);
    expect(booking.doorCode).toBeNull();
    expect((await server.http('GET', '/api/staff/tasks', { token: w.staff[0].token })).json().offers[0].customerPhone).toBeNull();

    const departed = await confirmAndDepart(server.http, w.staff[0], booking);
    expect(departed).toMatchObject({ status: 'en_route', customerPhone: '13800001111', allowedActions: ['arrive', 'cancel', 'report_customer_no_show'] });
    const view = await customerView(server.http, w.elder.token, booking.id);
    expect(view.doorCode).toMatch(/^[0-9]{6}$/);
    expect(view.timeline.at(-1).text).toBe('王师傅已出发，正在赶来');

    const wrongCode = view.doorCode === '000000' ? '111111' : '000000';
    const wrong = await staffAct(server.http, w.staff[0].token, booking.id, 'arrive', { version: departed.version, doorCode: wrongCode });
    expect(wrong.status).toBe(422);
    // The phone is told how many tries are left before the check locks (5 in all).
    expect(wrong.json()).toEqual({ code: 'DOOR_CODE_WRONG', message: ERROR_CATALOG.DOOR_CODE_WRONG.message, details: { attemptsLeft: 4 } });
    expect((await holder(server.db, booking.id)).status).toBe('en_route');
    const missing = await staffAct(server.http, w.staff[0].token, booking.id, 'arrive', { version: departed.version });
    expect(missing.json().code).toBe('DOOR_CODE_REQUIRED');

    const arrived = await staffAct(server.http, w.staff[0].token, booking.id, 'arrive', {
      version: departed.version, doorCode: view.doorCode, location: { lat: 31.21, lng: 121.41 },
    });
    expect(arrived.status).toBe(200);
    expect(arrived.json().status).toBe('arrived');
    // Used at the door: no longer shown.
    expect((await customerView(server.http, w.elder.token, booking.id)).doorCode).toBeNull();
    const where = await server.db.query('select lat, lng from visit_events where booking_id = $1 and action = $2', [booking.id, 'arrive']);
    expect(where.rows).toEqual([{ lat: 31.21, lng: 121.41 }]);

    const started = await staffAct(server.http, w.staff[0].token, booking.id, 'start', { version: arrived.json().version });
    expect(started.json().status).toBe('in_service');
    await fillCompletionRecord(server.http, w.staff[0].token, booking.id);
    const done = await staffAct(server.http, w.staff[0].token, booking.id, 'complete', { version: started.json().version });
    expect(done.json()).toMatchObject({ status: 'completed', statusLabel: '已完成', customerPhone: null, allowedActions: [] });

    const final = await customerView(server.http, w.elder.token, booking.id);
    expect(final.timeline.map((e: { text: string }) => e.text)).toEqual([
      '您提交了预约',
      '正在为您安排服务人员',
      '已为您安排王师傅，等待确认',
      '王师傅已确认，会按约定时间上门',
      '王师傅已出发，正在赶来',
      '王师傅已到达，上门码核对无误',
      '服务开始',
      '服务已完成，感谢您的信任',
    ]);
  });

  it('locks the door-code check after five wrong codes, even with the right one after', async () => {
    const w = await world(server.db, server.http);
    const booking = await bookVisit(server.http, w);
    const departed = await confirmAndDepart(server.http, w.staff[0], booking);
    const code = (await customerView(server.http, w.elder.token, booking.id)).doorCode as string;
    const wrongCode = code === '999999' ? '888888' : '999999';
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push((await staffAct(server.http, w.staff[0].token, booking.id, 'arrive', { version: departed.version, doorCode: wrongCode })).json().code);
    }
    expect(codes).toEqual(['DOOR_CODE_WRONG', 'DOOR_CODE_WRONG', 'DOOR_CODE_WRONG', 'DOOR_CODE_WRONG', 'DOOR_CODE_LOCKED']);
    const right = await staffAct(server.http, w.staff[0].token, booking.id, 'arrive', { version: departed.version, doorCode: code });
    expect(right.status).toBe(423);
    expect(right.json().code).toBe('DOOR_CODE_LOCKED');
    expect((await holder(server.db, booking.id)).status).toBe('en_route');
  });

  it('records a customer no-show only with a reason', async () => {
    const w = await world(server.db, server.http);
    const booking = await bookVisit(server.http, w);
    const departed = await confirmAndDepart(server.http, w.staff[0], booking);
    const bare = await staffAct(server.http, w.staff[0].token, booking.id, 'no-show', { version: departed.version });
    expect(bare.json().code).toBe('REASON_REQUIRED');
    const blank = await staffAct(server.http, w.staff[0].token, booking.id, 'no-show', { version: departed.version, reason: '   ' });
    expect(blank.json().code).toBe('REASON_REQUIRED');
    const ok = await staffAct(server.http, w.staff[0].token, booking.id, 'no-show', { version: departed.version, reason: '敲门和打电话都没有人应' });
    expect(ok.json().status).toBe('no_show_customer');
    const view = await customerView(server.http, w.elder.token, booking.id);
    expect(view.timeline.at(-1).text).toBe('服务人员上门时没有见到您，客服会联系您（原因：敲门和打电话都没有人应）');
  });

  it('refuses actions out of order, and every action of a staff member not assigned', async () => {
    const w = await world(server.db, server.http, { staff: 2 });
    const booking = await bookVisit(server.http, w);
    const early = await staffAct(server.http, w.staff[0].token, booking.id, 'complete', { version: booking.version });
    expect(early.status).toBe(409);
    expect(early.json().code).toBe('TRANSITION_NOT_ALLOWED');
    for (const action of ['confirm', 'decline', 'depart', 'arrive', 'start', 'complete', 'no-show']) {
      const res = await staffAct(server.http, w.staff[1].token, booking.id, action, { version: booking.version, reason: '测试', doorCode: '123456' });
      expect([action, res.status, res.json().code]).toEqual([action, 404, 'NOT_FOUND']);
    }
  });
});

describe('declining', () => {
  it('needs a reason, then offers the visit to the next person at once and never back to the one who declined', async () => {
    const w = await world(server.db, server.http, { staff: 2 });
    const booking = await bookVisit(server.http, w);
    expect((await holder(server.db, booking.id)).staffId).toBe(w.staff[0].id);
    const bare = await staffAct(server.http, w.staff[0].token, booking.id, 'decline', { version: booking.version });
    expect(bare.json().code).toBe('REASON_REQUIRED');

    const declined = await staffAct(server.http, w.staff[0].token, booking.id, 'decline', { version: booking.version, reason: '那天要去医院复查' });
    expect(declined.status).toBe(204);
    expect(await holder(server.db, booking.id)).toEqual({ status: 'offered', staffId: w.staff[1].id });
    const board = (await server.http('GET', '/api/staff/tasks', { token: w.staff[0].token })).json();
    expect([...board.offers, ...board.today, ...board.upcoming].map((t: { id: string }) => t.id)).not.toContain(booking.id);

    const view = await customerView(server.http, w.elder.token, booking.id);
    expect(view.staff.name).toBe('李红梅');
    expect(view.timeline.slice(-2).map((e: { text: string }) => e.text)).toEqual([
      '王师傅无法前来，正在为您重新安排（原因：那天要去医院复查）',
      '已为您安排李老师，等待确认',
    ]);

    // The second declines too: nobody is left, and the customer is told honestly.
    const again = await staffAct(server.http, w.staff[1].token, booking.id, 'decline', { version: view.version, reason: '临时有事' });
    expect(again.status).toBe(204);
    expect(await holder(server.db, booking.id)).toEqual({ status: 'unmatched', staffId: null });
    const last = await customerView(server.http, w.elder.token, booking.id);
    expect(last.statusLabel).toBe('暂时没有安排到服务人员');
    expect(last.timeline.at(-1).text).toBe('暂时没有合适的服务人员，调度员会尽快为您安排，并电话联系您');
    const offers = await server.db.query('select staff_id, outcome, decided_reason from booking_offers where booking_id = $1', [booking.id]);
    expect(offers.rows).toHaveLength(2);
    expect(offers.rows).toEqual(
      expect.arrayContaining([
        { staff_id: w.staff[0].id, outcome: 'declined', decided_reason: '那天要去医院复查' },
        { staff_id: w.staff[1].id, outcome: 'declined', decided_reason: '临时有事' },
      ]),
    );
  });
});
