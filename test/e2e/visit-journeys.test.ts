/**
 * After booking, in the H5 build against the real server process: the elder moves a visit (the
 * same person's free time is offered first), cancels one with a reason, rates a completed visit,
 * raises an urgent complaint, and, past the cut-off, is offered the hotline instead of a change.
 * Bookings are made and worked through the API (the booking pages have their own journey).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { currentPage, launchBrowser, phoneContext, stepShooter } from './support/browser';
import { startServer, type RunningServer } from './support/server-process';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const shot = stepShooter('visit-journeys');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads what it expects
type Json = any;

async function api(method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}): Promise<Json> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

async function signInAs(name: string): Promise<{ token: string; id: string }> {
  const users: Json[] = await api('GET', '/api/auth/demo-users');
  const user = users.find((u) => u.name === name);
  const session = await api('POST', '/api/auth/dev-login', undefined, { userId: user.id });
  return { token: session.token, id: user.id };
}

let slotIndex = 0;
/** Books the elder's next free slot (each booking its own slot, so they never collide). */
async function bookVisit(token: string): Promise<Json> {
  const [address] = await api('GET', '/api/addresses', token);
  const slots = await api('GET', `/api/slots?serviceType=claim&claimType=inpatient&addressId=${address.id}`, token);
  const starts: string[] = slots.days.flatMap((d: Json) => d.slots.map((s: Json) => s.start));
  const slotStart = starts[slotIndex++ % starts.length];
  return api('POST', '/api/bookings', token, { serviceType: 'claim', claimType: 'inpatient', addressId: address.id, slotStart }, { 'idempotency-key': `e2e-visit-${Date.now()}-${slotIndex}` });
}

/** A real 1×1 PNG: the photo of a document, or the signature drawn on screen. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f8a0d60000000049454e44ae426082',
  'hex',
);

async function uploadPng(path: string, token: string): Promise<void> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'image/png', 'idempotency-key': `e2e-upload-${Date.now()}-${Math.random().toString(36).slice(2)}` };
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers, body: new Uint8Array(PNG) });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
}

/** What 完成 needs, as the staff member's phone records it at the door: a photo of each document, then the signature. */
async function recordTheDay(id: string, staffToken: string): Promise<void> {
  const { record } = await api('GET', `/api/staff/tasks/${id}`, staffToken);
  for (const d of record.documents as Json[]) await uploadPng(`/api/staff/tasks/${id}/files?item=${d.key}`, staffToken);
  await uploadPng(`/api/staff/tasks/${id}/signature`, staffToken);
}

/** The assigned staff member works the visit through their own routes, up to `last`. */
async function staffWorks(booking: Json, elderToken: string, steps: string[]): Promise<void> {
  const session = await api('POST', '/api/auth/dev-login', undefined, { userId: booking.staff.id });
  let version: number = booking.version;
  for (const step of steps) {
    const body: Json = { version };
    if (step === 'arrive') body.doorCode = (await api('GET', `/api/bookings/${booking.id}`, elderToken)).doorCode;
    if (step === 'complete') await recordTheDay(booking.id, session.token);
    version = (await api('POST', `/api/staff/tasks/${booking.id}/${step}`, session.token, body)).version;
  }
}

async function openApp(): Promise<Page> {
  const context = await phoneContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${server.url}/`);
  await shows(page, '欢迎使用安心上门');
  await button(page, /^张秀英/).click();
  await shows(page, '您想办什么事');
  return page;
}

async function shows(page: Page, text: string | RegExp): Promise<void> {
  await currentPage(page).getByText(text).first().waitFor({ timeout: 20_000 });
}
const button = (page: Page, name: string | RegExp) => currentPage(page).getByRole('button', { name }).first();
const openVisit = async (page: Page, id: string) => {
  await page.goto(`${server.url}/#/visit/pages/detail/index?id=${id}`);
  await shows(page, '现在的状态');
};

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

test('reschedule: the same person’s free slots come first, marked, and the visit keeps that person', async () => {
  const elder = await signInAs('张秀英');
  const booking = await bookVisit(elder.token);
  await staffWorks(booking, elder.token, ['confirm']);
  const page = await openApp();
  await openVisit(page, booking.id);
  await shows(page, '上门码');
  await shows(page, `工号：${booking.staff.staffNo}`);
  await shot(page, 'visit-passport');
  await button(page, /^改个时间/).click();
  await shows(page, `${booking.staff.title}有空的时间`);
  const first = currentPage(page).locator('[role=button][aria-pressed]').first();
  await expect(first.getAttribute('aria-label')).resolves.toContain(`还是${booking.staff.title}来`);
  await shot(page, 'reschedule-slots');
  await first.click();
  await button(page, /^改到这个时间/).click();
  await shows(page, '时间已改好');
  await shows(page, `姓名：${booking.staff.name}`);
  await shows(page, /您修改了上门时间/);
  await shot(page, 'rescheduled');
  const after = await api('GET', `/api/bookings/${booking.id}`, elder.token);
  expect(after.slotStart).not.toBe(booking.slotStart);
  expect(after.staff?.id).toBe(booking.staff.id);
});

test('cancel: with a reason tapped and a short note; the visit then says 已取消 and why', async () => {
  const elder = await signInAs('张秀英');
  const booking = await bookVisit(elder.token);
  const page = await openApp();
  await openVisit(page, booking.id);
  await button(page, /^取消这次预约/).click();
  await shows(page, '为什么取消');
  await expect(button(page, /^确认取消预约/).getAttribute('aria-disabled')).resolves.toBe('true');
  await button(page, /^身体不舒服/).click();
  await currentPage(page).locator('input').first().fill('下周再约');
  await shot(page, 'cancel-reason');
  await button(page, /^确认取消预约/).click();
  await shows(page, '预约已取消');
  await shows(page, '您取消了这次服务（原因：身体不舒服：下周再约）');
  await shot(page, 'cancelled');
  expect((await api('GET', `/api/bookings/${booking.id}`, elder.token)).status).toBe('cancelled');
});

test('rating and urgent complaint on a completed visit: once each, with the promise and its state', async () => {
  const elder = await signInAs('张秀英');
  const booking = await bookVisit(elder.token);
  await staffWorks(booking, elder.token, ['confirm', 'depart', 'arrive', 'start', 'complete']);
  const page = await openApp();
  await openVisit(page, booking.id);
  await shows(page, '已完成');
  await button(page, /^给这次服务打分/).click();
  await shows(page, '这次服务得怎么样');
  await button(page, /^★★★★★ 5 星/).click();
  await currentPage(page).locator('[data-testid=nps-9]').click();
  await button(page, /^准时到达/).click();
  await shot(page, 'rating');
  await button(page, /^提交评价/).click();
  await shows(page, '您的评价');
  await shows(page, '5 星，推荐意愿 9 分');
  await expect(button(page, /^给这次服务打分/).count()).resolves.toBe(0);
  await shot(page, 'rated');

  await button(page, /^我要投诉/).click();
  await shows(page, '是什么问题');
  await button(page, /^要钱、要银行卡或密码/).click();
  await shows(page, '请不要给钱');
  await button(page, /^很急/).click();
  await currentPage(page).locator('input').first().fill('说要先交押金');
  await shot(page, 'complaint');
  await button(page, /^提交投诉/).click();
  await shows(page, '您的投诉');
  const card = currentPage(page).locator('[data-testid=complaint]').first();
  await card.getByText(/^加急：2 小时内有专人处理，最晚 .+ 前答复您。$/).waitFor();
  await card.getByText('现在：已收到').waitFor();
  await shot(page, 'complaint-received');
  const f = await api('GET', `/api/bookings/${booking.id}/feedback`, elder.token);
  expect(f.rating).toMatchObject({ stars: 5, nps: 9, tags: ['on_time'] });
  expect(f.complaints).toHaveLength(1);
  expect(f.complaints[0]).toMatchObject({ category: 'asked_money', urgent: true, text: '说要先交押金', status: 'received' });
});

test('past the cut-off the visit page offers the hotline instead of a change', async () => {
  // A server whose cut-off is a week: every bookable slot is already inside it.
  await server.stop();
  server = await startServer({ CHANGE_CUTOFF_MINUTES: String(7 * 24 * 60) });
  const elder = await signInAs('张秀英');
  const booking = await bookVisit(elder.token);
  await staffWorks(booking, elder.token, ['confirm']);
  const page = await openApp();
  await openVisit(page, booking.id);
  const notice = currentPage(page).locator('[data-testid=cutoff-passed]');
  await notice.getByText(/小时内不能在手机上改，请打电话/).waitFor();
  await expect(notice.getByRole('button', { name: /打电话改约或取消/ }).count()).resolves.toBe(1);
  await expect(button(page, /^取消这次预约/).count()).resolves.toBe(0);
  await expect(button(page, /^改个时间/).count()).resolves.toBe(0);
  await shot(page, 'cutoff-hotline');
  expect(pageErrors).toEqual([]);
});
