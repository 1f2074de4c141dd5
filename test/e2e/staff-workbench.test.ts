/**
 * The field staff workbench in the H5 build against the real server process and database, with
 * the customer's visit page open on another phone and never reloaded (it follows by itself):
 * - a staff member confirms an offer, sets off (sharing the location), arrives with the
 *   customer's door code (a wrong one is refused first), photographs and collects the claim
 *   documents (one original taken away), has the customer sign on the screen, and completes;
 * - a staff member declines an offer with a reason and the visit goes to someone else;
 * - a new staff member joins through the dispatcher's invitation, signed out, with one tap;
 * - staff see only staff pages, customers never see them.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_IDS } from '../../server/seed/data';
import { currentPage, launchBrowser, onRoute, phoneContext, stepShooter } from './support/browser';
import { button, shows } from './support/booking-steps';
import { startServer, type RunningServer } from './support/server-process';
import { apiOf, bookClaim, customerSees, drawSignature, goTo, openAddress, openAs, photograph, until, type Api, type Json } from './support/staff-steps';

let server: RunningServer;
let browser: Browser;
let api: Api;
const pages: Page[] = [];
const pageErrors: string[] = [];
const shot = stepShooter('staff-workbench');
const ELDER = '张秀英';
/** Near the demo elder's home in Shanghai: where the staff member's phone says it is. */
const ON_THE_WAY = { latitude: 31.2, longitude: 121.44 };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  api = apiOf(server.url);
});

afterAll(async () => {
  for (const p of pages) await p.context().close();
  await browser?.close();
  await server?.stop();
});

async function open(name: string, setup?: (c: BrowserContext) => Promise<void>): Promise<Page> {
  const page = await openAs(browser, server.url, name, pageErrors, setup);
  pages.push(page);
  return page;
}

async function customerFollowing(bookingId: string): Promise<Page> {
  const customer = await open(ELDER);
  await goTo(customer, server.url, '/visit/pages/detail/index', { id: bookingId });
  await shows(customer, '现在的状态');
  return customer;
}

const sharingLocation = async (c: BrowserContext) => {
  await c.grantPermissions(['geolocation'], { origin: server.url });
  await c.setGeolocation(ON_THE_WAY);
};

test('a staff member works a claim visit from the offer to 完成 while the customer’s page follows each step', async () => {
  const elder = await api.signInAs(ELDER);
  const booking: Json = await bookClaim(api, elder.token);
  const view = () => api.call('GET', `/api/bookings/${booking.id}`, elder.token);
  const customer = await customerFollowing(booking.id);
  await customerSees(customer, '等待服务人员确认');

  // The offer on the board: time left to answer, then 确认接单.
  const staff = await open(booking.staff.name, sharingLocation);
  await shows(staff, /新任务，请答复/);
  await shows(staff, /还有 \d+ 分钟可以答复/);
  await shot(staff, 'board-offer');
  await button(staff, /^确认接单/).click();
  await customerSees(customer, '已确认');
  await shot(customer, 'customer-confirmed');

  // The task page: 出发 shares the location, so the customer gets an estimated arrival.
  await goTo(staff, server.url, '/staff/pages/task/index', { id: booking.id });
  await button(staff, /^出发/).click();
  await customerSees(customer, '服务人员已出发');
  const onTheWay = await until('an estimated arrival', view, (b) => Boolean(b.eta));
  expect(onTheWay.eta.distanceKm).toBeGreaterThan(0);
  await shot(staff, 'task-en-route');

  // At the door: a wrong code is refused with the server's message; the right one lets them in.
  const code: string = onTheWay.doorCode;
  const doorField = currentPage(staff).getByLabel('客户的 6 位上门码').locator('input');
  await doorField.fill(code === '000000' ? '111111' : '000000');
  await button(staff, /^到达/).click();
  await currentPage(staff).locator('[data-testid=refusal]').getByText(/上门码不对/).waitFor({ timeout: 15_000 });
  await shot(staff, 'door-code-refused');
  await doorField.fill(code);
  await button(staff, /^到达/).click();
  await customerSees(customer, '服务人员已到达');

  await button(staff, /^开始服务/).click();
  await customerSees(customer, '服务中');

  // The claim checklist: the first two documents photographed and collected (the first original
  // taken away), the rest the customer does not have yet.
  const docs = currentPage(staff).locator('[data-testid^=doc-doc-]');
  await docs.first().waitFor();
  const count = await docs.count();
  const firstLabel = ((await docs.nth(0).locator('.strong').first().textContent()) ?? '').trim();
  for (let i = 0; i < count; i++) {
    const doc = currentPage(staff).locator(`[data-testid=doc-doc-${i}]`);
    if (i < 2) {
      await photograph(staff, `doc-doc-${i}`, `doc-${i}.png`);
      await doc.getByText(/已拍 1 张/).waitFor();
      await doc.getByRole('button', { name: /：已收$/ }).click();
    } else {
      await doc.getByRole('button', { name: /：客户暂时没有$/ }).click();
    }
  }
  await currentPage(staff).locator('[data-testid=doc-doc-0]').getByRole('button', { name: /：原件带走$/ }).click();
  await currentPage(staff).locator('[data-testid=handover]').getByText(firstLabel).waitFor();
  await currentPage(staff).locator('[data-testid=blockers]').getByText('请客户在屏幕上签名').waitFor({ timeout: 15_000 });
  await shot(staff, 'checklist');
  // The customer sees what was collected and the original taken away, without reloading.
  await currentPage(customer).locator('[data-testid=visit-record]').getByText(firstLabel).first().waitFor({ timeout: 15_000 });
  await shot(customer, 'customer-record');

  // The customer signs on the staff member's phone with a finger (the mouse here).
  await button(staff, /^请客户签名/).click();
  await shows(staff, '请客户签名');
  await drawSignature(staff);
  await shot(staff, 'signature-drawn');
  await button(staff, /^确认签名/).click();
  await currentPage(staff).locator('[data-testid=signed]').waitFor({ timeout: 15_000 });
  await until('the signature on the server', view, (b) => Boolean(b.record?.signedAt));

  // Nothing blocks 完成 any more.
  await currentPage(staff).locator('[data-testid=blockers]').waitFor({ state: 'detached', timeout: 15_000 });
  await button(staff, /^完成/).click();
  await customerSees(customer, '已完成');
  await currentPage(staff).locator('[data-testid=task-ended]').waitFor();
  await shot(staff, 'completed');
  await shot(customer, 'customer-completed');

  // What the server keeps: two photos of documents, the signature, every step once on the timeline.
  const files: Json[] = await api.call('GET', `/api/bookings/${booking.id}/files`, elder.token);
  expect(files.filter((f) => f.kind === 'staff').map((f) => f.itemKey).sort()).toEqual(['doc-0', 'doc-1']);
  expect(files.filter((f) => f.kind === 'signature')).toHaveLength(1);
  const done = await view();
  expect(done.record.handover).toEqual([{ label: firstLabel }]);
  const texts: string[] = done.timeline.map((e: Json) => e.text);
  expect(texts.filter((t) => /已出发/.test(t))).toHaveLength(1);
  expect(texts.filter((t) => /已到达/.test(t))).toHaveLength(1);
  expect(pageErrors).toEqual([]);
});

test('a staff member declines an offer with a reason, and the visit is offered to someone else', async () => {
  const elder = await api.signInAs(ELDER);
  const booking: Json = await bookClaim(api, elder.token);
  const customer = await customerFollowing(booking.id);
  await shows(customer, `姓名：${booking.staff.name}`);

  const staff = await open(booking.staff.name);
  const card = currentPage(staff).locator(`[data-testid=task-${booking.id}]`);
  await card.waitFor({ timeout: 20_000 });
  await card.getByRole('button', { name: /^婉拒/ }).click();
  await card.getByRole('button', { name: '距离太远' }).click();
  await card.getByLabel(/^婉拒的补充说明/).locator('input').fill('下午在浦东');
  await shot(staff, 'decline-reason');
  await card.getByRole('button', { name: '确认婉拒' }).click();
  await card.waitFor({ state: 'detached', timeout: 15_000 });
  await shot(staff, 'declined');

  // The customer's page, still open, says so and shows who comes now.
  await currentPage(customer).getByText(/无法前来，正在为您重新安排/).first().waitFor({ timeout: 15_000 });
  const after = await until('the visit offered to someone else', () => api.call('GET', `/api/bookings/${booking.id}`, elder.token), (b) => b.staff && b.staff.id !== booking.staff.id);
  await shows(customer, `姓名：${after.staff.name}`);
  expect(after.status).toBe('offered');
  await shot(customer, 'customer-rematched');
  expect(pageErrors).toEqual([]);
});

test('a new staff member opens the dispatcher’s invitation, taps 加入 and lands on the task board; the used link says what to do', async () => {
  const dispatcher = await api.call('POST', '/api/auth/dev-login', undefined, { userId: DEMO_IDS.dispatcher });
  const body = {
    name: '孙丽娟', staffNo: 'E2EJOIN1', gender: 'female', phone: '13912345678', skills: ['claim'], certificates: [], dialects: ['上海话'],
    area: { district: '静安区', radiusKm: 5 }, dailyCap: 4,
  };
  const created: Json = await api.call('POST', '/api/dispatch/staff', dispatcher.token, body);
  const joinAt = async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    pages.push(page);
    page.on('pageerror', (e) => pageErrors.push(`join: ${e.message}`));
    await goTo(page, server.url, '/staff/pages/join/index', { token: created.invitation.token });
    return page;
  };

  const phone = await joinAt();
  await shows(phone, '孙丽娟');
  await shows(phone, '工号：E2EJOIN1');
  await shot(phone, 'join-preview');
  await button(phone, /^加入/).click();
  await shows(phone, '孙丽娟，您好');
  await shows(phone, '工号 E2EJOIN1');
  await shot(phone, 'joined-board');

  const again = await joinAt();
  await currentPage(again).locator('[data-testid=join-error]').getByText(/已经用过了/).waitFor({ timeout: 15_000 });
  expect(pageErrors).toEqual([]);
});

test('a staff member opening a customer page lands on the task board; an elder opening a staff page lands on the home page', async () => {
  const elder = await api.signInAs(ELDER);
  const booking: Json = await bookClaim(api, elder.token);
  const staff = await open(booking.staff.name);
  await onRoute(staff, '/staff/pages/tasks/index');
  await openAddress(staff, server.url, '/visit/pages/list/index');
  await onRoute(staff, '/staff/pages/tasks/index');

  const customer = await open(ELDER);
  await onRoute(customer, '/pages/index/index');
  await openAddress(customer, server.url, '/staff/pages/task/index', { id: booking.id });
  await onRoute(customer, '/pages/index/index');
  await openAddress(customer, server.url, '/staff/pages/availability/index');
  await onRoute(customer, '/pages/index/index');
  expect(pageErrors).toEqual([]);
});
