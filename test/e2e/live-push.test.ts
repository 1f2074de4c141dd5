/**
 * The must-show, in the H5 build against real server processes: the customer's visit
 * page, open and never reloaded, shows the staff member's 确认接单, 出发 and 到达 (each tapped in
 * the staff member's own browser context) within 2 s of the action's HTTP response. Once with one
 * API process, once with the two contexts on two API processes sharing one PostgreSQL.
 *
 * What is timed is the push: before each action the test waits for the page's own poll to pass
 * (while connected it polls every 15 s), so the next poll is far off; the push frame must arrive
 * on the page's socket; "shown" is stamped in the page by a MutationObserver, the response time
 * from the browser's own request timing (both on this machine's clock).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { currentPage, landedAfterLogin, launchBrowser, phoneContext } from './support/browser';
import { button, shows } from './support/booking-steps';
import { startServer, type RunningServer } from './support/server-process';
import { LIVE_POLL_MS } from '@/stores/visit-follow';
import { apiOf, bookClaim, goTo, type Json } from './support/staff-steps';

const ELDER = '张秀英';
/** The promise: each step on the customer's page within 2 s of the action. */
const WITHIN_MS = 2_000;
const ON_THE_WAY = { latitude: 31.2304, longitude: 121.4737 };

let browser: Browser;
const pageErrors: string[] = [];
const pages: Page[] = [];
const figures: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const p of pages) await p.context().close();
  await browser?.close();
  console.log(`live push, action's HTTP response → shown on the customer's open page:\n  ${figures.join('\n  ')}`);
});

interface Frame {
  at: number;
  message: Json;
}

/** A phone signed in as `name`, with every frame its live socket receives kept. */
async function phone(baseUrl: string, name: string, geolocation = false): Promise<{ page: Page; frames: Frame[]; checks: number[] }> {
  const context = await phoneContext(browser);
  if (geolocation) {
    await context.grantPermissions(['geolocation'], { origin: baseUrl });
    await context.setGeolocation(ON_THE_WAY);
  }
  const page = await context.newPage();
  pages.push(page);
  page.on('pageerror', (e) => pageErrors.push(`${name}: ${e.message}`));
  const frames: Frame[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => frames.push({ at: Date.now(), message: JSON.parse(String(payload)) })));
  // When the page last read a visit (its polls and its push-triggered reads alike).
  const checks: number[] = [];
  page.on('response', (r) => {
    if (r.request().method() === 'GET' && /\/api\/bookings\/[0-9a-f-]{36}$/.test(r.url())) checks.push(Date.now());
  });
  await page.goto(`${baseUrl}/`);
  await shows(page, '欢迎使用安心上门');
  await button(page, new RegExp(`^${name}`)).click();
  await landedAfterLogin(page);
  return { page, frames, checks };
}

/** Stamps (in the page) the moment a visible status card first says `label`. */
async function watchFor(page: Page, label: string): Promise<void> {
  await page.evaluate((text) => {
    const w = window as unknown as { shownAt: number | null };
    const seen = () => Array.from(document.querySelectorAll<HTMLElement>('[data-testid=visit-status]')).some((el) => el.offsetParent !== null && (el.textContent ?? '').includes(text));
    w.shownAt = seen() ? -1 : null;
    const observer = new MutationObserver(() => {
      if (w.shownAt === null && seen()) {
        w.shownAt = Date.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  }, label);
}

async function shownAt(page: Page): Promise<number> {
  await page.waitForFunction(() => (window as unknown as { shownAt: number | null }).shownAt !== null, undefined, { timeout: 20_000 });
  return page.evaluate(() => (window as unknown as { shownAt: number }).shownAt);
}

/**
 * Makes sure the page's next poll of the visit is well beyond the 2 s being measured, so what
 * shows the change is the push: the page polls LIVE_POLL_MS after its last check (a poll or a
 * push-triggered read), so if that check was recent the next poll is far away; otherwise wait for
 * the poll to answer first.
 */
async function nextPollFarAway(customer: { page: Page; checks: number[] }, bookingId: string): Promise<void> {
  const last = customer.checks.at(-1) ?? 0;
  if (Date.now() - last < LIVE_POLL_MS - 10_000) return;
  await customer.page.waitForResponse((r) => r.request().method() === 'GET' && r.url().endsWith(`/api/bookings/${bookingId}`), { timeout: LIVE_POLL_MS + 10_000 });
}

/** Taps an action on the staff phone; returns how long after its HTTP response the customer's page showed `label`. */
async function timed(customer: { page: Page; frames: Frame[]; checks: number[] }, staff: Page, bookingId: string, action: string, label: string, tap: () => Promise<void>): Promise<number> {
  await nextPollFarAway(customer, bookingId);
  await watchFor(customer.page, label);
  const answered = staff.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/staff/tasks/${bookingId}/${action}`));
  await tap();
  const response = await answered;
  expect(response.status()).toBe(200);
  await response.finished();
  const timing = response.request().timing();
  const respondedAt = timing.startTime + timing.responseEnd;
  const shown = await shownAt(customer.page);
  expect(shown).toBeGreaterThan(0);
  // The push for this change reached the page's socket before the page showed it.
  const push = customer.frames.find((f) => f.message.type === 'visit' && f.message.bookingId === bookingId && f.message.status === STATUS_OF[action]);
  expect(push).toBeDefined();
  expect(push!.at).toBeLessThanOrEqual(Date.now());
  return shown - respondedAt;
}

const STATUS_OF: Record<string, string> = { confirm: 'confirmed', depart: 'en_route', arrive: 'arrived' };

/** The elder's page on `customerUrl`, the staff member's phone on `staffUrl`: confirm, depart, arrive, each timed. */
async function followThreeSteps(customerUrl: string, staffUrl: string, where: string): Promise<void> {
  const api = apiOf(customerUrl);
  const elder = await api.signInAs(ELDER);
  const booking: Json = await bookClaim(api, elder.token);
  const customer = await phone(customerUrl, ELDER);
  await goTo(customer.page, customerUrl, '/visit/pages/detail/index', { id: booking.id });
  await shows(customer.page, '等待服务人员确认');
  await customer.page.evaluate(() => ((window as unknown as { followMark?: number }).followMark = 1));
  // The page's live socket is signed in.
  const connected = () => customer.frames.some((f) => f.message.type === 'ready');
  for (let i = 0; i < 200 && !connected(); i++) await new Promise((r) => setTimeout(r, 100));
  expect(connected()).toBe(true);

  const staff = (await phone(staffUrl, booking.staff.name, true)).page;
  await shows(staff, /新任务，请答复/);
  const confirm = await timed(customer, staff, booking.id, 'confirm', '已确认', () => button(staff, /^确认接单/).click());

  await goTo(staff, staffUrl, '/staff/pages/task/index', { id: booking.id });
  const departButton = button(staff, /^出发/);
  await departButton.waitFor();
  const depart = await timed(customer, staff, booking.id, 'depart', '服务人员已出发', () => departButton.click());

  const { doorCode } = await api.call('GET', `/api/bookings/${booking.id}`, elder.token);
  await currentPage(staff).getByLabel('客户的 6 位上门码').locator('input').fill(doorCode);
  const arrive = await timed(customer, staff, booking.id, 'arrive', '服务人员已到达', () => button(staff, /^到达/).click());

  // Never reloaded: the mark set when it opened is still there.
  await expect(customer.page.evaluate(() => (window as unknown as { followMark?: number }).followMark)).resolves.toBe(1);
  figures.push(`${where}: confirm ${Math.round(confirm)} ms, depart ${Math.round(depart)} ms, arrive ${Math.round(arrive)} ms (negative: shown before the staff phone had its answer)`);
  for (const ms of [confirm, depart, arrive]) expect(ms).toBeLessThan(WITHIN_MS);
  expect(pageErrors).toEqual([]);
}

describe('one API process', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.stop());

  test('the customer’s open visit page shows confirm, depart and arrive within 2 s of each action', async () => {
    await followThreeSteps(server.url, server.url, 'one process (PGlite)');
  });
});

describe('two API processes on one PostgreSQL', () => {
  const admin = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `homevisit_e2e_live_${process.pid}_${randomBytes(3).toString('hex')}`;
  const servers: RunningServer[] = [];

  async function adminQuery(sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await adminQuery(`create database "${name}"`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const env = { DATABASE_URL: url.toString(), SEED_DEMO_DATA: 'true' };
    // One after the other: the second finds the schema and the demo city in place.
    servers.push(await startServer(env));
    servers.push(await startServer(env));
  });
  afterAll(async () => {
    for (const s of servers) await s.stop();
    await adminQuery(`drop database if exists "${name}" with (force)`);
  });

  test('the customer’s page on one process shows what the staff member does through the other within 2 s', async () => {
    const [customerSide, staffSide] = servers;
    expect(customerSide.url).not.toBe(staffSide.url);
    await followThreeSteps(customerSide.url, staffSide.url, 'two processes (PostgreSQL LISTEN/NOTIFY)');
  });
});
