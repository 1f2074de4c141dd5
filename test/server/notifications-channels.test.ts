/**
 * Delivering the outbox through its channels in order: WeChat subscribe message to a person with
 * an acceptance left, else SMS, and always 我的消息. Against the fake WeChat and the SMS recorder.
 */
import { runNotificationRound, drainNotifications } from '../../server/modules/notifications/workers';
import { startFakeWechat, type FakeWechat } from '../helpers/fake-wechat';
import { deliveriesOf, messagesAbout, reachable } from '../helpers/notifications';
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

const forOpenid = (openid: string | null) => fake.messages.filter((m) => m.openid === openid);
const forPhone = (phone: string | null) => sms.delivered.filter((m) => m.phone === phone);

async function confirmedVisit(staff = 1) {
  const nw = await notifyWorld(server, { staff });
  const booking = await bookVisit(server.http, nw.w);
  const res = await staffAct(server.http, nw.w.staff[0].token, booking.id, 'confirm', { version: booking.version });
  return { ...nw, booking, confirmed: res.json() };
}

describe('channels in order', () => {
  it('WeChat delivers once to a person with an acceptance; the SMS is then skipped, and the next message goes by SMS', async () => {
    const nw = await notifyWorld(server);
    await acceptTemplate(wechatApp, fake, nw.elder, 'visit_status');
    expect(await acceptancesLeft(server, nw.elder.id, 'visit_status')).toBe(1);
    const booking = await bookVisit(server.http, nw.w);
    const confirmed = (await staffAct(server.http, nw.w.staff[0].token, booking.id, 'confirm', { version: booking.version })).json();
    await drainNotifications(workersFor(server, fake, sms));

    const [message] = await messagesAbout(server.db, booking.id, nw.elder.id);
    expect(forOpenid(nw.elder.openid)).toEqual([
      expect.objectContaining({
        templateId: 'dev-visit-status',
        page: `messages/pages/list/index?id=${message.id}`,
        data: { thing1: { value: '服务人员已确认' }, time2: { value: '2030年1月8日 14:00' }, thing3: { value: '您的上门理赔' } },
      }),
    ]);
    expect(await deliveriesOf(server.db, message.id)).toMatchObject({ wechat: { state: 'sent', attempts: 1 }, sms: { state: 'skipped', skipReason: 'delivered_elsewhere' } });
    expect(forPhone(nw.elder.phone)).toEqual([]);
    expect(await acceptancesLeft(server, nw.elder.id, 'visit_status')).toBe(0);

    const calls = fake.sendAttempts.length;
    await staffAct(server.http, nw.w.staff[0].token, booking.id, 'depart', { version: confirmed.version, location: { lat: 31.2, lng: 121.4 } });
    await drainNotifications(workersFor(server, fake, sms));
    expect(fake.sendAttempts.length).toBe(calls);
    expect(forPhone(nw.elder.phone).map((m) => m.text)).toEqual(['【安心上门】服务人员已出发：王师傅已出发，正在赶往您家（1月8日 星期二 下午 2:00–15:00）。开门前请核对上门码。']);
    // The son never allowed WeChat messages: both went to his phone.
    expect(forPhone(nw.son.phone).map((m) => m.text.slice(0, 14))).toEqual(['【安心上门】服务人员已确认：', '【安心上门】服务人员已出发：']);
  });

  it('WeChat answers 43101 (no acceptance after all): the SMS goes instead and our count follows WeChat', async () => {
    const nw = await notifyWorld(server);
    // The app reported two acceptances that WeChat never recorded.
    await acceptTemplate(wechatApp, fake, { ...nw.elder, openid: null }, 'visit_status', 2);
    const booking = await bookVisit(server.http, nw.w);
    await staffAct(server.http, nw.w.staff[0].token, booking.id, 'confirm', { version: booking.version });
    await drainNotifications(workersFor(server, fake, sms));
    const [message] = await messagesAbout(server.db, booking.id, nw.elder.id);
    expect(fake.sendAttempts.filter((a) => a.openid === nw.elder.openid).map((a) => a.errcode)).toEqual([43101]);
    expect(await deliveriesOf(server.db, message.id)).toMatchObject({ wechat: { state: 'skipped', skipReason: 'not_subscribed' }, sms: { state: 'sent' } });
    expect(forPhone(nw.elder.phone)).toHaveLength(1);
    expect(await acceptancesLeft(server, nw.elder.id, 'visit_status')).toBe(0);
  });

  it('without WeChat or a phone: SMS only, or 我的消息 only (recorded as skipped, with the reason)', async () => {
    const { w, elder, son, booking } = await confirmedVisit();
    await reachable(server.db, son.id, { phone: son.phone, openid: null });
    await reachable(server.db, elder.id, { phone: null, openid: null });
    await drainNotifications(workersFor(server, null, sms));
    const [toElder] = await messagesAbout(server.db, booking.id, elder.id);
    const [toSon] = await messagesAbout(server.db, booking.id, son.id);
    expect(await deliveriesOf(server.db, toElder.id)).toMatchObject({ wechat: { state: 'skipped', skipReason: 'wechat_off' }, sms: { state: 'skipped', skipReason: 'no_phone' } });
    expect(await deliveriesOf(server.db, toSon.id)).toMatchObject({ wechat: { state: 'skipped' }, sms: { state: 'sent' } });
    const inbox = await server.http('GET', '/api/me/messages', { token: w.elder.token });
    expect(inbox.json().items.map((m: { id: string }) => m.id)).toContain(toElder.id);
  });

  it('an SMS gateway that is busy is tried again later with the same id, and the text arrives once', async () => {
    const { elder, son, booking } = await confirmedVisit();
    await reachable(server.db, son.id, { phone: son.phone, openid: null });
    await reachable(server.db, elder.id, { phone: elder.phone, openid: null });
    sms.failNext(503);
    const posts = sms.posts;
    const workers = workersFor(server, null, sms);
    await drainNotifications(workers);
    const [toElder] = await messagesAbout(server.db, booking.id, elder.id);
    const [toSon] = await messagesAbout(server.db, booking.id, son.id);
    const states = [await deliveriesOf(server.db, toElder.id), await deliveriesOf(server.db, toSon.id)].map((d) => d.sms.state).sort();
    expect(states).toEqual(['pending', 'sent']);
    server.clock.advanceMinutes(1);
    await drainNotifications(workers);
    server.clock.set('2030-01-07T00:00:00.000Z');
    expect((await deliveriesOf(server.db, toElder.id)).sms.state).toBe('sent');
    expect((await deliveriesOf(server.db, toSon.id)).sms.state).toBe('sent');
    expect(sms.posts - posts).toBe(3);
    expect([...forPhone(elder.phone), ...forPhone(son.phone)]).toHaveLength(2);
  });
});

describe('many workers', () => {
  it('two workers running at once never deliver the same message twice', async () => {
    const people = [];
    for (let i = 0; i < 3; i++) {
      const nw = await notifyWorld(server, { staff: 1 });
      await acceptTemplate(wechatApp, fake, nw.elder, 'visit_status');
      const booking = await bookVisit(server.http, nw.w);
      await staffAct(server.http, nw.w.staff[0].token, booking.id, 'confirm', { version: booking.version });
      people.push({ nw, booking });
    }
    const a = workersFor(server, fake, sms);
    const b = workersFor(server, fake, sms);
    for (let round = 0; round < 10; round++) {
      const [ra, rb] = await Promise.all([runNotificationRound(a), runNotificationRound(b)]);
      if (ra.claimed + rb.claimed === 0) break;
    }
    for (const { nw, booking } of people) {
      const [toElder] = await messagesAbout(server.db, booking.id, nw.elder.id);
      const [toSon] = await messagesAbout(server.db, booking.id, nw.son.id);
      expect(forOpenid(nw.elder.openid).filter((m) => m.page.endsWith(toElder.id))).toHaveLength(1);
      expect(forPhone(nw.elder.phone)).toHaveLength(0);
      expect(forPhone(nw.son.phone).filter((m) => m.text.includes('已确认'))).toHaveLength(1);
      expect((await deliveriesOf(server.db, toSon.id)).sms.attempts).toBe(1);
    }
  });
});
