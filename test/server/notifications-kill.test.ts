/**
 * Must show: the API process is killed (SIGKILL) while it delivers notifications, three times at
 * different moments (right after WeChat delivered a message and before its answer arrived; right
 * after the SMS gateway took a text and before its answer; at an arbitrary moment), and started
 * again on the same database. Every notification is then delivered exactly once per person,
 * counted where it arrives: at the fake WeChat and at the SMS recorder, both in this process.
 */
import { chinaTime } from '@domain';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, runMigrations, type Db } from '../../server/db';
import { spawnApiChild, type ApiChild } from '../helpers/api-child';
import { sessionFor } from '../helpers/authz-world';
import { startFakeWechat, type FakeWechat } from '../helpers/fake-wechat';
import { createCustomer, createStaff, linkFamily, uniqueArea, unique } from '../helpers/fixtures';
import { reachable } from '../helpers/notifications';
import { startSmsRecorder, type SmsRecorder } from '../helpers/sms-recorder';
import { createTestDatabase, type TestDatabase } from '../helpers/test-server';

jest.setTimeout(300_000);

interface Person {
  id: string;
  token: string;
  openid: string;
  phone: string;
  role: 'customer' | 'staff';
}

let fake: FakeWechat;
let sms: SmsRecorder;
let dataDir: string;
let server: TestDatabase | null = null;
const people: Person[] = [];
const elders: Array<{ elder: Person; son: Person; addressId: string }> = [];
let dispatcherToken = '';
/** Every process started, so none outlives the test whatever happens. */
const children: ApiChild[] = [];

async function spawn(env: Record<string, string>): Promise<ApiChild> {
  const child = await spawnApiChild(env);
  children.push(child);
  return child;
}

async function start(env: Record<string, string>): Promise<ApiChild> {
  const child = await spawn(env);
  await child.ready;
  return child;
}

/** The test's own handle on the database the child uses (PGlite: only while the child is down). */
async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  if (server) return fn(server.db);
  const db = await openDatabase({ databaseUrl: undefined, dataDir });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

function childEnv(extra: Record<string, string>): Record<string, string> {
  return {
    ...fake.env(),
    DATABASE_URL: server ? server.url : '',
    DATA_DIR: dataDir,
    WECHAT_TIMEOUT_MS: '1000',
    SMS_RECORDER_URL: sms.url,
    SMS_TIMEOUT_MS: '1000',
    NOTIFY_LEASE_SECONDS: '4',
    ...extra,
  };
}

let phones = 0;
async function person(db: Db, id: string, role: Person['role']): Promise<Person> {
  const p = { id, role, token: await sessionFor(db, id, new Date(Date.now() + 86_400_000)), openid: unique('openid-kill-'), phone: `1370000${String((phones += 1)).padStart(4, '0')}` };
  await reachable(db, id, p);
  people.push(p);
  return p;
}

/** Three elders with a consenting son each, four staff around them, a dispatcher. */
async function makePeople(db: Db): Promise<void> {
  const area = uniqueArea();
  for (let i = 0; i < 3; i++) {
    const elder = await createCustomer(db, { name: `张${'秀英兰'[i]}芳`, at: area });
    const son = await createCustomer(db, { name: `李${'伟强军'[i]}`, at: null });
    await linkFamily(db, son.id, elder.id);
    elders.push({ elder: await person(db, elder.id, 'customer'), son: await person(db, son.id, 'customer'), addressId: elder.addressId as string });
  }
  for (let i = 0; i < 4; i++) {
    const s = await createStaff(db, { at: { lat: area.lat + i * 0.005, lng: area.lng }, name: `王${'建国明华'[i]}`, dailyCap: 20 });
    await person(db, s.id, 'staff');
  }
  const d = await db.query<{ id: string }>(`insert into users (role, name, gender) values ('dispatcher', '周敏', 'female') returning id`);
  dispatcherToken = await sessionFor(db, d.rows[0].id, new Date(Date.now() + 86_400_000));
}

async function api<T = unknown>(child: ApiChild, method: string, path: string, token: string, body?: unknown, key?: string): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (key) headers['idempotency-key'] = key;
  const res = await fetch(`${child.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

const TEMPLATE = { customer: 'dev-visit-status', staff: 'dev-staff-task' } as const;

/** The changes, made with the workers off: bookings, confirmations, two cancellations, one move. */
async function makeChanges(child: ApiChild): Promise<{ bookings: number; cancels: number; moves: number }> {
  for (const p of people) {
    await api(child, 'POST', '/api/me/subscriptions', p.token, { answers: [{ templateId: TEMPLATE[p.role], answer: 'accept' }] });
    fake.accept(p.openid, TEMPLATE[p.role]);
  }
  const laterThan = Date.now() + 3 * 86_400_000;
  const booked: Array<{ id: string; elder: number }> = [];
  for (const [i, e] of elders.entries()) {
    const { days } = await api<{ days: Array<{ slots: Array<{ start: string }> }> }>(child, 'GET', `/api/slots?serviceType=claim&claimType=inpatient&addressId=${e.addressId}`, e.elder.token);
    const starts = days.flatMap((d) => d.slots.map((s) => s.start)).filter((s) => Date.parse(s) > laterThan && ['10:30', '14:00'].includes(chinaTime(s).format('HH:mm')));
    for (const slotStart of starts.slice(0, 6)) {
      const b = await api<{ id: string }>(child, 'POST', '/api/bookings', e.elder.token, { serviceType: 'claim', claimType: 'inpatient', addressId: e.addressId, slotStart }, unique('kill-'));
      booked.push({ id: b.id, elder: i });
    }
  }
  for (const staff of people.filter((p) => p.role === 'staff')) {
    const board = await api<{ offers: Array<{ id: string; version: number }> }>(child, 'GET', '/api/staff/tasks', staff.token);
    for (const offer of board.offers) await api(child, 'POST', `/api/staff/tasks/${offer.id}/confirm`, staff.token, { version: offer.version });
  }
  const view = (id: string, token: string) => api<{ version: number; slotStart: string }>(child, 'GET', `/api/bookings/${id}`, token);
  const first = elders[0].elder;
  for (const b of booked.filter((x) => x.elder === 0).slice(0, 2)) {
    await api(child, 'POST', `/api/bookings/${b.id}/cancel`, first.token, { version: (await view(b.id, first.token)).version, reason: '家里有事' });
  }
  const son = elders[1].son;
  const moving = booked.find((x) => x.elder === 1) as { id: string };
  const current = await view(moving.id, son.token);
  // From 10:30 to 15:30 the same day.
  const slotStart = new Date(Date.parse(current.slotStart) + 5 * 3_600_000).toISOString();
  await api(child, 'POST', `/api/bookings/${moving.id}/reschedule`, son.token, { version: current.version, slotStart });
  return { bookings: booked.length, cancels: 2, moves: 1 };
}

const arrived = () => fake.messages.length + sms.delivered.length;
const until = async (done: () => boolean | Promise<boolean>, what: string, ms = 60_000) => {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** Starts a process and kills it from `arm`'s hook, set before the process can deliver anything. */
async function killedWhen(env: Record<string, string>, arm: (kill: () => void) => void, what: string): Promise<void> {
  const child = await spawn(env);
  let fired = false;
  arm(() => {
    fired = true;
    child.kill();
  });
  const timeout = new Promise<void>((_, reject) => setTimeout(() => reject(new Error(`no kill ${what} within 60 s:\n${child.logs()}`)), 60_000).unref());
  await Promise.race([child.exited, timeout]);
  if (!fired) throw new Error(`the process ended before ${what}:\n${child.logs()}`);
}

async function deliverWithKills(): Promise<void> {
  const env = childEnv({ NOTIFY_POLL_MS: '50' });
  fake.setSendDelay(60);
  sms.setDelay(60);
  // 1: WeChat has delivered a message, its answer is on the way: the process dies first.
  await killedWhen(env, (kill) => fake.onSendDelivered(kill), 'after a WeChat delivery');
  fake.onSendDelivered(null);
  // 2: the gateway took a text, its answer is on the way: the process dies first.
  await killedWhen(env, (kill) => sms.onDelivered(kill), 'after an SMS delivery');
  sms.onDelivered(null);
  // 3: somewhere in the middle of delivering (a claim, a commit, a call…).
  let child = await spawn(env);
  const before = arrived();
  await until(() => arrived() >= before + 5, 'deliveries after the second restart');
  await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 40)));
  child.kill();
  await child.exited;
  // Started again: it finishes the outbox (rows left "sending" wait for their lease to run out).
  child = await start(env);
  await until(async () => (await api<{ open: number }>(child, 'GET', '/api/notifications/summary', dispatcherToken)).open === 0, 'the outbox to drain', 120_000);
  await child.stop();
}

beforeAll(async () => {
  fake = await startFakeWechat();
  sms = await startSmsRecorder();
  dataDir = await mkdtemp(join(tmpdir(), 'homevisit-kill-'));
  if (/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '')) server = await createTestDatabase();
  await withDb(async (db) => {
    if (!server) await runMigrations(db);
    await makePeople(db);
  });
});

afterAll(async () => {
  for (const child of children) child.kill();
  await Promise.all(children.map((c) => c.exited));
  await fake?.close();
  await sms?.close();
  await server?.destroy();
  await rm(dataDir, { recursive: true, force: true });
});

interface Row {
  id: string;
  kind: string;
  recipientId: string;
  smsId: string;
  wechat: string;
  sms: string;
  wechatError: string | null;
}

it('every notification arrives exactly once per person, through kills at three different moments', async () => {
  const child = await start(childEnv({ NOTIFY_POLL_MS: '0' }));
  const made = await makeChanges(child);
  await child.stop();
  expect(arrived()).toBe(0);

  await deliverWithKills();

  const rows = await withDb(async (db) => {
    const r = await db.query<Row>(
      `select n.id, n.kind, n.recipient_id as "recipientId", s.id as "smsId", w.state as wechat, s.state as sms, w.last_error as "wechatError"
         from notifications n
         join notification_deliveries w on w.notification_id = n.id and w.channel = 'wechat'
         join notification_deliveries s on s.notification_id = n.id and s.channel = 'sms'
        where n.recipient_id = any($1::uuid[])`,
      [people.map((p) => p.id)],
    );
    return r.rows;
  });
  const count = (kind: string) => rows.filter((r) => r.kind === kind).length;
  // What the changes owe: an offer per booking and per move, both confirmations, the cancellations, the move.
  expect({ offered: count('task_offered'), confirmed: count('confirmed'), cancelled: count('cancelled'), taskCancelled: count('task_cancelled'), moved: count('moved'), withdrawn: count('task_withdrawn') }).toEqual({
    offered: made.bookings + made.moves,
    confirmed: 2 * made.bookings,
    cancelled: made.cancels,
    taskCancelled: made.cancels,
    moved: made.moves,
    withdrawn: made.moves,
  });

  // Delivered once each, by exactly one channel, counted where the messages arrived.
  const byPage = new Map<string, number>();
  for (const m of fake.messages) byPage.set(m.page.split('id=')[1], (byPage.get(m.page.split('id=')[1]) ?? 0) + 1);
  const texts = new Map<string, number>();
  for (const t of sms.delivered) texts.set(t.id, (texts.get(t.id) ?? 0) + 1);
  const times = rows.map((r) => (byPage.get(r.id) ?? 0) + (texts.get(r.smsId) ?? 0));
  expect(times.filter((n) => n !== 1)).toEqual([]);
  expect(arrived()).toBe(rows.length);
  expect(rows.filter((r) => !['sent', 'skipped'].includes(r.wechat) || !['sent', 'skipped'].includes(r.sms))).toEqual([]);
  // Each person allowed one WeChat message: WeChat delivered at most one to each.
  const perOpenid = new Map<string, number>();
  for (const m of fake.messages) perOpenid.set(m.openid, (perOpenid.get(m.openid) ?? 0) + 1);
  expect(Math.max(...perOpenid.values())).toBe(1);

  // The kills landed where they were meant to: a WeChat call settled by WeChat's one-acceptance
  // rule, and a text sent again with its id (the gateway kept one).
  expect(rows.filter((r) => r.wechatError?.includes('delivered by the interrupted call')).length).toBeGreaterThanOrEqual(1);
  expect(sms.posts).toBeGreaterThan(sms.delivered.length);
  console.info(
    `kill test: ${rows.length} notifications, 3 SIGKILLs, WeChat ${fake.messages.length} delivered (${fake.sendAttempts.length} calls), ` +
      `SMS ${sms.delivered.length} delivered (${sms.posts} requests), duplicates 0, lost 0`,
  );
});
