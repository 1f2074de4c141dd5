/**
 * A world for delivery tests: the lifecycle world (an elder, staff), a consenting son, each with
 * a phone and a WeChat openid, the fake WeChat and the SMS recorder, and workers to run by hand.
 */
import type { NotificationTemplate } from '@domain/notifications';
import { createRecordingSms } from '../../server/modules/notifications/sms';
import { createWechatMessenger } from '../../server/modules/notifications/wechat-messenger';
import { notificationDeps, type NotificationDeps } from '../../server/modules/notifications/workers';
import type { FakeWechat } from './fake-wechat';
import { createCustomer, linkFamily, signIn, unique } from './fixtures';
import { reachable } from './notifications';
import type { SmsRecorder } from './sms-recorder';
import type { TestApp, TestServer } from './test-server';
import { world, type World } from './visits';

export interface Person {
  id: string;
  token: string;
  openid: string | null;
  phone: string | null;
}

export interface NotifyWorld {
  w: World;
  elder: Person;
  son: Person;
}

const phone = () => `138${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

export async function notifyWorld(server: TestServer, opts: { staff?: number } = {}): Promise<NotifyWorld> {
  const w = await world(server.db, server.http, opts);
  const son = await createCustomer(server.db, { name: '张伟', at: null });
  await linkFamily(server.db, son.id, w.elder.id);
  const elder: Person = { id: w.elder.id, token: w.elder.token, openid: unique('openid-elder-'), phone: phone() };
  const sonPerson: Person = { id: son.id, token: await signIn(server.http, son.id), openid: unique('openid-son-'), phone: phone() };
  for (const p of [elder, sonPerson]) await reachable(server.db, p.id, p);
  return { w, elder, son: sonPerson };
}

/** Workers with the fake WeChat (or none) and the SMS recorder as channels. */
export function workersFor(server: TestServer, fake: FakeWechat | null, sms: SmsRecorder, timeoutMs = 2000): NotificationDeps {
  const wechat = fake ? createWechatMessenger({ appId: fake.appId, secret: fake.secret, apiBase: fake.baseUrl, timeoutMs }) : null;
  return notificationDeps(server.config, server.db, server.clock, { wechat, sms: createRecordingSms({ recorderUrl: sms.url, timeoutMs }) });
}

/** The person taps 允许 for a template: WeChat records it, the app reports it to us. */
export async function acceptTemplate(wechatApp: TestApp, fake: FakeWechat, person: Person, template: NotificationTemplate, times = 1): Promise<void> {
  const subs = await wechatApp.http('GET', '/api/me/subscriptions', { token: person.token });
  const templateId = subs.json<{ templates: Array<{ template: string; templateId: string }> }>().templates.find((t) => t.template === template)?.templateId;
  if (!templateId) throw new Error(`template ${template} is not offered`);
  for (let i = 0; i < times; i++) {
    const res = await wechatApp.http('POST', '/api/me/subscriptions', { token: person.token, body: { answers: [{ templateId, answer: 'accept' }] } });
    if (res.status !== 200) throw new Error(`subscription failed: ${res.status} ${res.text}`);
    if (person.openid) fake.accept(person.openid, templateId);
  }
}

export async function acceptancesLeft(server: TestServer, userId: string, template: NotificationTemplate): Promise<number> {
  const r = await server.db.query<{ remaining: number }>('select remaining from notification_subscriptions where user_id = $1 and template = $2', [userId, template]);
  return r.rows[0]?.remaining ?? 0;
}
