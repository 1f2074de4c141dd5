/**
 * WeChat's answers, as the fake gives them the way WeChat does: the access token fetched once and
 * refreshed (40001, 42001, 40014, and before it expires), rate limits and busy (45009, 45011, -1)
 * tried again later, any other errcode recorded and passed on to SMS, and a call whose answer
 * never came settled by WeChat's own rule that one acceptance allows one message.
 */
import { createWechatMessenger } from '../../server/modules/notifications/wechat-messenger';
import { drainNotifications } from '../../server/modules/notifications/workers';
import { startFakeWechat, type FakeWechat } from '../helpers/fake-wechat';
import { deliveriesOf, messagesAbout } from '../helpers/notifications';
import { acceptancesLeft, acceptTemplate, notifyWorld, workersFor } from '../helpers/notify-world';
import { startSmsRecorder, type SmsRecorder } from '../helpers/sms-recorder';
import { startTestServer, type TestApp, type TestServer } from '../helpers/test-server';
import { bookVisit, staffAct } from '../helpers/visits';

let server: TestServer;
let fake: FakeWechat;
let sms: SmsRecorder;
let wechatApp: TestApp;
beforeAll(async () => {
  server = await startTestServer();
  fake = await startFakeWechat();
  sms = await startSmsRecorder();
  wechatApp = await server.variant(fake.env());
});
afterAll(async () => {
  await server.close();
  await fake.close();
  await sms.close();
});
afterEach(() => {
  server.clock.set('2030-01-07T00:00:00.000Z');
  fake.setSendDelay(0);
});

describe('the access token', () => {
  const message = (openid: string) => ({ openid, templateId: 'tmpl-a', page: 'messages/pages/list/index', data: { thing1: '测试' } });

  it('is fetched once and shared, refreshed shortly before it expires', async () => {
    let now = Date.parse('2030-01-07T00:00:00Z');
    const messenger = createWechatMessenger({ appId: fake.appId, secret: fake.secret, apiBase: fake.baseUrl, timeoutMs: 2000, now: () => now });
    fake.setTokenTtl(7200);
    fake.accept('openid-token-1', 'tmpl-a', 5);
    const before = fake.tokenRequests.length;
    const answers = await Promise.all([1, 2, 3].map(() => messenger.send(message('openid-token-1'))));
    expect(answers.map((a) => a.kind)).toEqual(['sent', 'sent', 'sent']);
    expect(fake.tokenRequests.length - before).toBe(1);
    now += 110 * 60_000;
    expect((await messenger.send(message('openid-token-1'))).kind).toBe('sent');
    expect(fake.tokenRequests.length - before).toBe(1);
    // Five minutes before WeChat's two hours: a new token, without WeChat having to refuse the old one.
    now += 6 * 60_000;
    const attempts = fake.sendAttempts.length;
    expect((await messenger.send(message('openid-token-1'))).kind).toBe('sent');
    expect(fake.tokenRequests.length - before).toBe(2);
    expect(fake.sendAttempts.slice(attempts).map((a) => a.errcode)).toEqual([0]);
  });

  it.each([40001, 42001, 40014])('errcode %i: refreshed once and the message sent', async (errcode) => {
    const messenger = createWechatMessenger({ appId: fake.appId, secret: fake.secret, apiBase: fake.baseUrl, timeoutMs: 2000 });
    fake.accept('openid-token-2', 'tmpl-a', 2);
    expect((await messenger.send(message('openid-token-2'))).kind).toBe('sent');
    const before = fake.tokenRequests.length;
    const attempts = fake.sendAttempts.length;
    if (errcode === 42001) fake.expireTokens();
    else fake.failNextSend(errcode);
    expect(await messenger.send(message('openid-token-2'))).toMatchObject({ kind: 'sent' });
    expect(fake.tokenRequests.length - before).toBe(1);
    expect(fake.sendAttempts.slice(attempts).map((a) => a.errcode)).toEqual([errcode, 0]);
  });

  it('refreshes only once: a second refusal is tried again later', async () => {
    const messenger = createWechatMessenger({ appId: fake.appId, secret: fake.secret, apiBase: fake.baseUrl, timeoutMs: 2000 });
    fake.accept('openid-token-3', 'tmpl-a');
    fake.failNextSend(40001, 2);
    expect(await messenger.send(message('openid-token-3'))).toMatchObject({ kind: 'retry_later', error: expect.stringContaining('errcode 40001') });
    expect(fake.acceptancesLeft('openid-token-3', 'tmpl-a')).toBe(1);
  });

  it('a wrong secret: no token, tried again later', async () => {
    const messenger = createWechatMessenger({ appId: fake.appId, secret: 'wrong', apiBase: fake.baseUrl, timeoutMs: 2000 });
    expect(await messenger.send(message('openid-token-4'))).toMatchObject({ kind: 'retry_later', error: expect.stringContaining('40125') });
  });
});

/** A confirmed visit whose elder allowed `acceptances` WeChat messages: the confirmation goes first. */
async function visitWithAcceptances(acceptances: number) {
  const nw = await notifyWorld(server);
  await acceptTemplate(wechatApp, fake, nw.elder, 'visit_status', acceptances);
  const booking = await bookVisit(server.http, nw.w);
  await staffAct(server.http, nw.w.staff[0].token, booking.id, 'confirm', { version: booking.version });
  const [message] = await messagesAbout(server.db, booking.id, nw.elder.id);
  return { ...nw, booking, message };
}

const delivered = (openid: string | null) => fake.messages.filter((m) => m.openid === openid);
const texted = (phone: string | null) => sms.delivered.filter((m) => m.phone === phone);

describe('WeChat says not now', () => {
  it.each([45009, 45011, -1])('errcode %i: backs off, gives the acceptance back meanwhile, and delivers later', async (errcode) => {
    const { elder, message } = await visitWithAcceptances(1);
    const workers = workersFor(server, fake, sms);
    fake.failNextSend(errcode);
    await drainNotifications(workers);
    expect(await deliveriesOf(server.db, message.id)).toMatchObject({
      wechat: { state: 'pending', attempts: 1, lastError: expect.stringContaining(`errcode ${errcode}`) },
      sms: { state: 'waiting' },
    });
    expect(await acceptancesLeft(server, elder.id, 'visit_status')).toBe(1);
    server.clock.advanceMinutes(1);
    await drainNotifications(workers);
    expect(await deliveriesOf(server.db, message.id)).toMatchObject({ wechat: { state: 'sent', attempts: 2 }, sms: { state: 'skipped' } });
    expect(delivered(elder.openid)).toHaveLength(1);
    expect(texted(elder.phone)).toHaveLength(0);
  });

  it('after the last attempt: failed, and the SMS goes', async () => {
    const { elder, message } = await visitWithAcceptances(1);
    const workers = workersFor(server, fake, sms);
    fake.failNextSend(-1, server.config.notifications.maxAttempts);
    for (let i = 0; i < server.config.notifications.maxAttempts; i++) {
      await drainNotifications(workers);
      server.clock.advanceMinutes(61);
    }
    expect(await deliveriesOf(server.db, message.id)).toMatchObject({ wechat: { state: 'failed', attempts: server.config.notifications.maxAttempts }, sms: { state: 'sent' } });
    expect(texted(elder.phone)).toHaveLength(1);
    expect(await acceptancesLeft(server, elder.id, 'visit_status')).toBe(1);
  });

  it('any other errcode: failed at once with the code recorded, and the SMS goes', async () => {
    const { elder, message } = await visitWithAcceptances(1);
    fake.failNextSend(40003);
    await drainNotifications(workersFor(server, fake, sms));
    expect(await deliveriesOf(server.db, message.id)).toMatchObject({
      wechat: { state: 'failed', attempts: 1, lastError: expect.stringMatching(/^errcode 40003: invalid openid/) },
      sms: { state: 'sent' },
    });
    expect(texted(elder.phone).map((m) => m.text)).toEqual([expect.stringMatching(/^【安心上门】服务人员已确认：您的上门理赔/)]);
  });
});

describe('an answer that never came', () => {
  it('on the last acceptance: resent, and WeChat\'s "no acceptance left" proves the first call delivered it', async () => {
    const { elder, message } = await visitWithAcceptances(1);
    fake.setSendDelay(1500);
    const workers = workersFor(server, fake, sms, 300);
    await drainNotifications(workers);
    expect(await deliveriesOf(server.db, message.id)).toMatchObject({ wechat: { state: 'pending', uncertain: true }, sms: { state: 'waiting' } });
    expect(delivered(elder.openid)).toHaveLength(1);
    fake.setSendDelay(0);
    server.clock.advanceMinutes(1);
    await drainNotifications(workers);
    expect(await deliveriesOf(server.db, message.id)).toMatchObject({
      wechat: { state: 'sent', attempts: 2, lastError: expect.stringContaining('delivered by the interrupted call') },
      sms: { state: 'skipped', skipReason: 'delivered_elsewhere' },
    });
    expect(delivered(elder.openid)).toHaveLength(1);
    expect(texted(elder.phone)).toHaveLength(0);
  });

  it('with acceptances left a resend could deliver twice: never resent, never passed on, recorded as unknown', async () => {
    const { elder, message } = await visitWithAcceptances(2);
    fake.setSendDelay(1500);
    const workers = workersFor(server, fake, sms, 300);
    await drainNotifications(workers);
    fake.setSendDelay(0);
    server.clock.advanceMinutes(1);
    await drainNotifications(workers);
    expect(await deliveriesOf(server.db, message.id)).toMatchObject({ wechat: { state: 'unknown', uncertain: true }, sms: { state: 'skipped', skipReason: 'wechat_unknown' } });
    expect(delivered(elder.openid)).toHaveLength(1);
    expect(texted(elder.phone)).toHaveLength(0);
  });
});
