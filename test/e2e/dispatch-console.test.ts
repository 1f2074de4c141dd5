/**
 * The dispatch console in the H5 build, at a desk (1280×900), against the real server process:
 * - a booking nobody can take (everyone qualified is on leave over its time; then one person's
 *   leave is withdrawn, so they could take it) is at the top of the console; the dispatcher opens
 *   it, sees the ranked alternatives with their reasons, reassigns it to that person with a reason
 *   (a confirming second tap), and that person's task board then has the offer;
 * - a new staff account: the form, then the invitation link shown once; the roster lists the person
 *   as not joined yet, and a fresh link can be sent;
 * - the roster: tomorrow's load, leave recorded through the form and withdrawn.
 * The dispatcher signs in with the dev login as the seeded 周敏 (the demo list on the login page
 * shows customers and staff only), the token put where the app keeps it.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_IDS } from '../../server/seed/data';
import { currentPage, launchBrowser, onRoute, stepShooter } from './support/browser';
import { startServer, type RunningServer } from './support/server-process';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const shot = stepShooter('dispatch-console');

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

const devLogin = async (userId: string): Promise<string> => (await api('POST', '/api/auth/dev-login', undefined, { userId })).token;

async function elderToken(): Promise<string> {
  const users: Json[] = await api('GET', '/api/auth/demo-users');
  return devLogin(users.find((u) => u.name === '张秀英').id);
}

/** The elder books a claim at the first time offered two days ahead (leave recorded later has not started). */
async function bookLater(token: string): Promise<Json> {
  const [address] = await api('GET', '/api/addresses', token);
  const slots = await api('GET', `/api/slots?serviceType=claim&claimType=inpatient&addressId=${address.id}`, token);
  const slot = slots.days.slice(2).flatMap((d: Json) => d.slots)[0];
  const body = { serviceType: 'claim', claimType: 'inpatient', addressId: address.id, slotStart: slot.start };
  return api('POST', '/api/bookings', token, body, { 'idempotency-key': `e2e-dispatch-${Date.now()}` });
}

/**
 * Leave over the visit's time for everyone on the roster: the visit is matched again each time,
 * until nobody is left. Returns each person's leave id.
 */
async function everyoneOnLeave(desk: string, booking: Json): Promise<Map<string, string>> {
  const from = new Date(Date.parse(booking.slotStart) - 3 * 3_600_000).toISOString();
  const to = new Date(Date.parse(booking.slotEnd) + 3 * 3_600_000).toISOString();
  const roster: Json[] = await api('GET', '/api/dispatch/staff', desk);
  const leaves = new Map<string, string>();
  for (const entry of roster) {
    const result = await api('POST', `/api/dispatch/staff/${entry.staff.id}/leave`, desk, { from, to, reason: '培训' });
    leaves.set(entry.staff.id, result.leaveId);
  }
  return leaves;
}

/** A desk browser holding the dispatcher's session (Taro H5 keeps stored values as {"data": …}). */
async function openDesk(token: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  contexts.push(context);
  await context.addInitScript((t) => {
    if (!localStorage.getItem('homevisit.token')) localStorage.setItem('homevisit.token', JSON.stringify({ data: t }));
  }, token);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return page;
}

async function shows(page: Page, text: string | RegExp): Promise<void> {
  await currentPage(page).getByText(text).first().waitFor({ timeout: 20_000 });
}
const button = (page: Page, name: string | RegExp) => currentPage(page).getByRole('button', { name }).first();
const field = (page: Page, name: RegExp) => currentPage(page).getByLabel(name).locator('input').first();

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

afterEach(() => {
  expect(pageErrors.splice(0)).toEqual([]);
});

test('a dispatcher reassigns an unmatched booking by hand; it is then offered to the person chosen', async () => {
  const desk = await devLogin(DEMO_IDS.dispatcher);
  const booking = await bookLater(await elderToken());
  const first = booking.staff;
  expect(first).toBeTruthy();
  const leaves = await everyoneOnLeave(desk, booking);
  expect((await api('GET', `/api/dispatch/bookings/${booking.id}`, desk)).booking.status).toBe('unmatched');
  // The first person comes back: they could take it again, but nobody offers it by itself.
  await api('DELETE', `/api/dispatch/staff/${first.id}/leave/${leaves.get(first.id)}`, desk);

  const page = await openDesk(desk);
  // A dispatcher who opens the app starts on the console.
  await page.goto(`${server.url}/`);
  await onRoute(page, '/dispatch/pages/console/index');
  await shows(page, /^没有安排到人（1）/);
  const risk = currentPage(page).getByTestId(`risk-${booking.id}`);
  await expect(risk.textContent()).resolves.toContain('暂时没有安排到服务人员');
  const firstCard = currentPage(page).locator('[data-testid^="risk-"]').first();
  await expect(firstCard.getAttribute('data-testid')).resolves.toBe(`risk-${booking.id}`);
  await shows(page, /分钟内安排到人/);
  await shot(page, 'console');

  await risk.click();
  await onRoute(page, '/dispatch/pages/booking/index');
  await shows(page, '可以改派的人（按匹配度排序）');
  const candidate = currentPage(page).getByTestId(`candidate-${first.staffNo}`);
  await candidate.waitFor({ timeout: 20_000 });
  await expect(candidate.textContent()).resolves.toMatch(/理由：.+/);
  await expect(candidate.textContent()).resolves.toMatch(/距离 [\d.]+ 公里/);
  await candidate.getByRole('button', { name: new RegExp(`^选这位：${first.name}`) }).click();
  await field(page, /^改派的原因/).fill('王师傅培训改期，可以接');
  await button(page, new RegExp(`^改派给 ${first.name}`)).click();
  await shows(page, `确定改派给 ${first.name}（工号 ${first.staffNo}）吗？对方会收到邀约，需要他（她）确认。`);
  await shot(page, 'confirm-reassign');
  await button(page, /^确定改派/).click();
  await shows(page, '已改派，正在等这位服务人员确认。');
  await shows(page, /^等待服务人员确认/);
  await shows(page, /王师傅培训改期，可以接/);
  await shot(page, 'reassigned');

  const staffBoard = await api('GET', '/api/staff/tasks', await devLogin(first.id));
  expect(staffBoard.offers.map((t: Json) => t.id)).toContain(booking.id);
  const after = await api('GET', `/api/dispatch/bookings/${booking.id}`, desk);
  expect(after.booking.status).toBe('offered');
  expect(after.booking.staff.id).toBe(first.id);
});

test('a new staff account: the invitation link is shown once, and the roster lists the person as not joined', async () => {
  const desk = await devLogin(DEMO_IDS.dispatcher);
  const page = await openDesk(desk);
  await page.goto(`${server.url}/?new=1#/dispatch/pages/new-staff/index`);
  await onRoute(page, '/dispatch/pages/new-staff/index');
  await field(page, /^姓名/).fill('赵敏');
  await field(page, /^工号/).fill('AX2001');
  await field(page, /^工作手机号/).fill('13912345678');
  await button(page, /^性别女/).click();
  await button(page, /^就医陪诊/).click();
  await field(page, /^服务的区/).fill('静安区');
  await button(page, /^建好账号，生成邀请/).click();
  await shows(page, '赵敏（工号 AX2001）的账号已建好');
  const link = (await currentPage(page).getByTestId('invitation-link').textContent()) ?? '';
  expect(link).toMatch(new RegExp(`^${server.url}/.*#/staff/.+token=`));
  await shows(page, /前有效，只能用一次/);
  await shot(page, 'new-staff-invitation');

  const roster: Json[] = await api('GET', '/api/dispatch/staff', desk);
  const made = roster.find((e) => e.staff.staffNo === 'AX2001');
  expect(made).toMatchObject({ joined: false, skills: ['claim', 'escort'], area: { district: '静安区' } });

  // On the roster: not joined yet, so a fresh link can be sent.
  await button(page, /^人员名单/).click();
  await onRoute(page, '/dispatch/pages/staff/index');
  const card = currentPage(page).getByTestId('staff-AX2001');
  await card.waitFor({ timeout: 20_000 });
  await expect(card.textContent()).resolves.toContain('还没加入');
  await card.getByRole('button', { name: /^重新发邀请：赵敏/ }).click();
  await onRoute(page, '/dispatch/pages/new-staff/index');
  await button(page, /^生成新的邀请链接/).click();
  await shows(page, '已给赵敏（工号 AX2001）重新发了邀请');
  const fresh = (await currentPage(page).getByTestId('invitation-link').textContent()) ?? '';
  expect(fresh).toMatch(/token=/);
  expect(fresh).not.toBe(link);
});

test('the roster: tomorrow’s load, leave recorded for tomorrow and withdrawn, each said on the person’s card', async () => {
  const desk = await devLogin(DEMO_IDS.dispatcher);
  const page = await openDesk(desk);
  await page.goto(`${server.url}/?roster=1#/dispatch/pages/staff/index`);
  await onRoute(page, '/dispatch/pages/staff/index');
  await button(page, /^明天/).click();
  const card = currentPage(page).getByTestId('staff-AX1008');
  await card.waitFor({ timeout: 20_000 });
  await card.getByText(/^明天：\d+ 次服务/).waitFor({ timeout: 20_000 });
  await card.getByRole('button', { name: /^登记请假：吴静/ }).click();
  await button(page, /^明天一整天/).click();
  await field(page, /^请假原因/).fill('家里有事');
  await card.getByRole('button', { name: /^登记请假$/ }).click();
  await shows(page, /^已登记请假。/);
  await expect(card.textContent()).resolves.toContain('家里有事');
  await shot(page, 'roster-leave');
  // (The first test put everyone on leave around its visit: only this leave is looked at.)
  const familyLeave = async () =>
    (await api('GET', '/api/dispatch/staff', desk)).find((e: Json) => e.staff.staffNo === 'AX1008').leave.filter((l: Json) => l.reason === '家里有事');
  expect(await familyLeave()).toHaveLength(1);

  await card.locator('.leave-item', { hasText: '家里有事' }).getByRole('button', { name: /^撤回这次请假：吴静/ }).click();
  await shows(page, '请假已撤回，这段时间可以重新给他（她）派单了。');
  expect(await familyLeave()).toEqual([]);
});
