/**
 * The customer's visit page follows the visit as it happens, in the H5 build against the real
 * server process: the page stays open (never reloaded, the refresh button never tapped) while the
 * staff member works the visit through their own routes: confirm, depart with a location, a later
 * location, arrive with the door code, start, record a document with its photo, the signature.
 * The page shows each step, the arrival estimate and the record by itself.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { claimChecklist } from '@domain/visit-record';
import { chinaTime } from '@domain/time';
import { axeViolations, formatFindings, markCurrent } from './support/axe';
import { currentPage, launchBrowser, phoneContext, stepShooter } from './support/browser';
import { startServer, type RunningServer } from './support/server-process';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
const pageErrors: string[] = [];
const shot = stepShooter('visit-follow');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads what it expects
type Json = any;

/** The smallest valid PNG (1×1): a document photo and a signature, as far as the server can tell. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

let keys = 0;
async function api(method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}): Promise<Json> {
  const isBytes = Buffer.isBuffer(body);
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined && !isBytes ? { 'content-type': 'application/json' } : {}),
      ...(method !== 'GET' ? { 'idempotency-key': `e2e-follow-${Date.now()}-${++keys}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : isBytes ? new Uint8Array(body as Buffer) : JSON.stringify(body),
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

const shows = (page: Page, text: string | RegExp) => currentPage(page).getByText(text).first().waitFor({ timeout: 30_000 });
const testId = (page: Page, id: string) => currentPage(page).locator(`[data-testid=${id}]`).first();

/** Set once the page is open: a reload would lose it, so each step proves the page updated itself. */
async function stillTheSamePage(page: Page): Promise<void> {
  await expect(page.evaluate(() => (window as unknown as { followMark?: number }).followMark)).resolves.toBe(1);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await phoneContext(browser);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

test('the visit page follows the staff member’s day without a reload: each step, the arrival estimate, the record', async () => {
  const elder = await signInAs('张秀英');
  const [address] = await api('GET', '/api/addresses', elder.token);
  const slots = await api('GET', `/api/slots?serviceType=claim&claimType=inpatient&addressId=${address.id}`, elder.token);
  const slotStart = slots.days.flatMap((d: Json) => d.slots)[0].start;
  const booking = await api('POST', '/api/bookings', elder.token, { serviceType: 'claim', claimType: 'inpatient', addressId: address.id, slotStart });
  expect(booking.staff).toBeTruthy();
  const who: string = booking.staff.title;
  const staff = (await api('POST', '/api/auth/dev-login', undefined, { userId: booking.staff.id })).token as string;
  const task = (action: string) => `/api/staff/tasks/${booking.id}/${action}`;
  let version: number = booking.version;
  const act = async (action: string, extra: Json = {}) => {
    version = (await api('POST', task(action), staff, { version, ...extra })).version;
  };

  // The elder opens the visit and leaves the page open.
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${server.url}/`);
  await currentPage(page).getByRole('button', { name: /^张秀英/ }).first().click();
  await shows(page, '您想办什么事');
  await page.goto(`${server.url}/#/visit/pages/detail/index?id=${booking.id}`);
  await shows(page, '现在的状态');
  await shows(page, '等待服务人员确认');
  await page.evaluate(() => ((window as unknown as { followMark?: number }).followMark = 1));
  const statusLine = testId(page, 'status-line');
  await expect(statusLine.getAttribute('role')).resolves.toBe('status');
  await expect(statusLine.getAttribute('aria-live')).resolves.toBe('polite');
  await expect(testId(page, 'follow-note').textContent()).resolves.toBe('本页会自动更新');

  // No network for a moment: a quiet line, in the same place; the page does not move.
  const staffCardTop = async () => (await testId(page, 'staff-card').boundingBox())?.y;
  const before = await staffCardTop();
  await context.setOffline(true);
  await shows(page, '网络不太好，正在重试');
  expect(await staffCardTop()).toBe(before);
  await shot(page, 'offline-retrying');
  await context.setOffline(false);
  await shows(page, '本页会自动更新');

  await act('confirm');
  await shows(page, '已确认');
  await shows(page, '上门码');
  await stillTheSamePage(page);

  // Set off about 3 km away, then a location ping closer by.
  await act('depart', { location: { lat: address.lat + 0.027, lng: address.lng } });
  await shows(page, '服务人员已出发');
  const etaSentence = async () => {
    const eta = (await api('GET', `/api/bookings/${booking.id}`, elder.token)).eta;
    expect(eta).toBeTruthy();
    return `${who}正在路上，预计 ${chinaTime(eta.at).format('H:mm')} 到达（距您约 ${eta.distanceKm < 10 ? eta.distanceKm.toFixed(1) : Math.round(eta.distanceKm)} 公里）`;
  };
  const far = await etaSentence();
  await shows(page, far);
  await shows(page, '刚刚更新');
  await shot(page, 'on-the-way');
  await api('POST', task('location'), staff, { lat: address.lat + 0.009, lng: address.lng });
  const near = await etaSentence();
  expect(near).not.toBe(far);
  await shows(page, near);
  await expect(currentPage(page).getByText(/\d+\.\d+, ?\d+\.\d+|纬度|经度/).count()).resolves.toBe(0);
  await stillTheSamePage(page);

  // At the door: the staff member enters the elder's code; the record starts.
  const { doorCode } = await api('GET', `/api/bookings/${booking.id}`, elder.token);
  await act('arrive', { doorCode, location: { lat: address.lat, lng: address.lng } });
  await shows(page, '服务人员已到达');
  await shows(page, '这次上门办了什么');
  await expect(testId(page, 'arrival').count()).resolves.toBe(0);
  await act('start');
  await shows(page, '服务中');

  // One document collected and photographed, its original taken away (原件交接单).
  const docs = claimChecklist('inpatient');
  const doc = docs[2];
  await api('PUT', `${task('record/documents')}/${doc.key}`, staff, { status: 'collected', originalTaken: true });
  await api('POST', `${task('files')}?item=${doc.key}`, staff, PNG, { 'content-type': 'image/png' });
  await shows(page, `${doc.label}：已收，拍了 1 张照片`);
  await expect(testId(page, 'handover-item').textContent()).resolves.toContain(doc.label);
  await shows(page, `${docs[0].label}：未收`);
  // The staff member's photo as a small picture the elder can tap to see large.
  const thumb = currentPage(page).getByRole('button', { name: `第 1 张：${doc.label}，点一下看大图` });
  await thumb.waitFor({ timeout: 30_000 });
  const width = thumb.locator('img').evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : new Promise<number>((done) => (img.onload = () => done(img.naturalWidth)))));
  await expect(width).resolves.toBeGreaterThan(0);
  await stillTheSamePage(page);

  // The elder signs on the staff member's phone.
  await api('POST', task('signature'), staff, PNG, { 'content-type': 'image/png' });
  const { record } = await api('GET', `/api/bookings/${booking.id}`, elder.token);
  await shows(page, `您已签名确认（${chinaTime(record.signedAt).format('H:mm')}）`);
  // The signature is not shown as a picture: still the one document photo.
  await expect(testId(page, 'record-photos').locator('[data-testid=record-photo]').count()).resolves.toBe(1);
  await stillTheSamePage(page);
  await shot(page, 'record-signed');

  // The whole record, as followed, is accessible.
  await markCurrent(page, currentPage(page));
  expect(formatFindings('visit detail (record)', await axeViolations(page))).toEqual([]);
  expect(pageErrors).toEqual([]);
});
