/**
 * 我的消息 through the API (newest first, paged, unread count, mark read; each person only their
 * own) and the WeChat subscriptions a person gives (one acceptance = one message; a refusal is
 * remembered so the app does not ask again).
 */
import { startFakeWechat, type FakeWechat } from '../helpers/fake-wechat';
import { notifyWorld } from '../helpers/notify-world';
import { startTestServer, type TestApp, type TestServer } from '../helpers/test-server';
import { bookVisit, customerView, staffAct } from '../helpers/visits';

let server: TestServer;
let fake: FakeWechat;
let wechatApp: TestApp;
beforeAll(async () => {
  server = await startTestServer();
  fake = await startFakeWechat();
  wechatApp = await server.variant(fake.env());
});
afterAll(async () => {
  await server.close();
  await fake.close();
});
afterEach(() => server.clock.set('2030-01-07T00:00:00.000Z'));

describe('我的消息', () => {
  it('lists the newest first in pages, counts the unread, and marks one read', async () => {
    const { w, son } = await notifyWorld(server);
    const booking = await bookVisit(server.http, w);
    const confirmed = (await staffAct(server.http, w.staff[0].token, booking.id, 'confirm', { version: booking.version })).json();
    server.clock.advanceMinutes(5);
    const departed = (await staffAct(server.http, w.staff[0].token, booking.id, 'depart', { version: confirmed.version, location: { lat: 31.2, lng: 121.4 } })).json();
    server.clock.advanceMinutes(30);
    const { doorCode } = await customerView(server.http, w.elder.token, booking.id);
    await staffAct(server.http, w.staff[0].token, booking.id, 'arrive', { version: departed.version, doorCode });

    const first = await server.http('GET', '/api/me/messages?limit=2', { token: son.token });
    expect(first.status).toBe(200);
    expect(first.json()).toMatchObject({ unread: 3, items: [{ title: '服务人员已到达', read: false, bookingId: booking.id }, { title: '服务人员已出发' }] });
    const second = await server.http('GET', `/api/me/messages?limit=2&before=${encodeURIComponent(first.json().nextCursor)}`, { token: son.token });
    expect(second.json()).toMatchObject({ items: [{ title: '服务人员已确认' }], nextCursor: null });

    const read = await server.http('POST', `/api/me/messages/${first.json().items[0].id}/read`, { token: son.token });
    expect(read.json()).toEqual({ unread: 2 });
    // Reading it again changes nothing.
    expect((await server.http('POST', `/api/me/messages/${first.json().items[0].id}/read`, { token: son.token })).json()).toEqual({ unread: 2 });
    expect((await server.http('GET', '/api/me/messages/unread', { token: son.token })).json()).toEqual({ unread: 2 });
    expect((await server.http('GET', '/api/me/messages?limit=1', { token: son.token })).json().items[0].read).toBe(true);
  });

  it('staff have one too; someone else\'s message is not found, and reading it changes nothing', async () => {
    const { w, son } = await notifyWorld(server);
    const booking = await bookVisit(server.http, w);
    const staffInbox = await server.http('GET', '/api/me/messages', { token: w.staff[0].token });
    const offer = staffInbox.json().items.find((m: { bookingId: string }) => m.bookingId === booking.id);
    expect(offer).toMatchObject({ title: '新的上门邀约', read: false });
    const theirs = await server.http('POST', `/api/me/messages/${offer.id}/read`, { token: son.token });
    expect(theirs.status).toBe(404);
    expect(theirs.json().code).toBe('NOT_FOUND');
    expect((await server.http('GET', '/api/me/messages', { token: w.staff[0].token })).json().items[0].read).toBe(false);
    expect((await server.http('GET', '/api/me/messages?before=not-a-cursor', { token: son.token })).status).toBe(400);
  });
});

describe('WeChat subscriptions', () => {
  it('offers the templates of the person\'s role, counts acceptances, and remembers a refusal', async () => {
    const { w, elder } = await notifyWorld(server);
    const subs = await wechatApp.http('GET', '/api/me/subscriptions', { token: elder.token });
    expect(subs.json()).toEqual({
      wechat: true,
      templates: [
        { template: 'visit_status', templateId: 'dev-visit-status', title: '预约进度通知', remaining: 0, lastAnswer: null, askable: true },
        { template: 'visit_reminder', templateId: 'dev-visit-reminder', title: '上门前提醒', remaining: 0, lastAnswer: null, askable: true },
      ],
    });
    const staff = await wechatApp.http('GET', '/api/me/subscriptions', { token: w.staff[0].token });
    expect(staff.json().templates.map((t: { template: string }) => t.template)).toEqual(['staff_task', 'visit_reminder']);

    const answer = (answers: Array<{ templateId: string; answer: string }>) => wechatApp.http('POST', '/api/me/subscriptions', { token: elder.token, body: { answers } });
    await answer([{ templateId: 'dev-visit-status', answer: 'accept' }, { templateId: 'dev-visit-reminder', answer: 'reject' }]);
    const after = await answer([{ templateId: 'dev-visit-status', answer: 'accept' }, { templateId: 'dev-visit-reminder', answer: 'filter' }]);
    expect(after.json().templates).toEqual([
      expect.objectContaining({ template: 'visit_status', remaining: 2, lastAnswer: 'accept', askable: true }),
      expect.objectContaining({ template: 'visit_reminder', remaining: 0, lastAnswer: 'reject', askable: false }),
    ]);
    // Asked again from a tap in settings, and accepted this time.
    const again = await answer([{ templateId: 'dev-visit-reminder', answer: 'accept' }]);
    expect(again.json().templates[1]).toMatchObject({ remaining: 1, lastAnswer: 'accept', askable: true });
  });

  it('refuses unknown templates and more than three at once, changing nothing; without WeChat there is nothing to ask', async () => {
    const { elder } = await notifyWorld(server);
    const unknown = await wechatApp.http('POST', '/api/me/subscriptions', { token: elder.token, body: { answers: [{ templateId: 'someone-elses', answer: 'accept' }] } });
    expect(unknown.status).toBe(400);
    const four = Array.from({ length: 4 }, () => ({ templateId: 'dev-visit-status', answer: 'accept' }));
    expect((await wechatApp.http('POST', '/api/me/subscriptions', { token: elder.token, body: { answers: four } })).status).toBe(400);
    expect((await wechatApp.http('GET', '/api/me/subscriptions', { token: elder.token })).json().templates[0].remaining).toBe(0);
    expect((await server.http('GET', '/api/me/subscriptions', { token: elder.token })).json()).toEqual({ wechat: false, templates: [] });
  });
});
