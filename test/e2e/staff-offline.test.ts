/**
 * Weak signal at the door, in the H5 build against the real server process: the staff member
 * arrives, the phone goes offline (the browser context loses its network), three things are
 * done (开始服务, a document 已收, its original 原件带走). The page keeps working, shows
 * "还有 3 项等待发送", and when the network returns sends them by itself. The server's own
 * records (read from its database after it stopped) hold each of the three exactly once, with
 * the keys the phone made when the person tapped, in the order they were tapped.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { currentPage, launchBrowser, stepShooter } from './support/browser';
import { button } from './support/booking-steps';
import { startServer, type RunningServer } from './support/server-process';
import { apiOf, bookClaim, goTo, openAs, type Api, type Json } from './support/staff-steps';

const ROOT = path.resolve(__dirname, '../..');
let server: RunningServer | null = null;
let browser: Browser;
let api: Api;
let dataDir: string;
const shot = stepShooter('staff-offline');
const pageErrors: string[] = [];

beforeAll(async () => {
  // The embedded database on disk (not in memory), so its records can be read after the run.
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homevisit-offline-'));
  server = await startServer({ DATABASE_URL: undefined as unknown as string, DATA_DIR: dataDir });
  browser = await launchBrowser();
  api = apiOf(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The Idempotency-Keys waiting in the phone's outbox, in order (Taro H5 wraps stored values in {data}). */
async function waitingKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const index = Object.keys(localStorage).find((k) => /^homevisit\.outbox\.[^.]+$/.test(k));
    return index ? (JSON.parse(localStorage.getItem(index) as string).data.keys as string[]) : [];
  });
}

function readVisitLog(bookingId: string): { events: Json[]; log: Json[] } {
  const out = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'test/e2e/support/read-visit-log.ts', path.join(dataDir, 'pglite'), bookingId], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout);
}

test('offline after arriving, three actions wait on the phone and reach the server once each, in order, when the network returns', async () => {
  const elder = await api.signInAs('张秀英');
  const booking: Json = await bookClaim(api, elder.token, 'outpatient');
  const staffSession = await api.signInAs(booking.staff.name);
  // Confirmed and on the way (through the API: the board and 出发 have their own journey).
  let version: number = booking.version;
  for (const action of ['confirm', 'depart']) {
    version = (await api.call('POST', `/api/staff/tasks/${booking.id}/${action}`, staffSession.token, { version }, { 'idempotency-key': `e2e-${action}-${Date.now()}` })).version;
  }
  const code: string = (await api.call('GET', `/api/bookings/${booking.id}`, elder.token)).doorCode;

  const staff = await openAs(browser, (server as RunningServer).url, booking.staff.name, pageErrors);
  const context = staff.context();
  await goTo(staff, (server as RunningServer).url, '/staff/pages/task/index', { id: booking.id });
  await currentPage(staff).getByLabel('客户的 6 位上门码').locator('input').fill(code);
  await button(staff, /^到达/).click();
  await button(staff, /^开始服务/).waitFor({ timeout: 15_000 });

  // Inside the old building the signal is gone.
  await context.setOffline(true);
  await button(staff, /^开始服务/).click();
  const doc = currentPage(staff).locator('[data-testid=doc-doc-0]');
  await doc.waitFor();
  const label = ((await doc.locator('.strong').first().textContent()) ?? '').trim();
  await doc.getByRole('button', { name: /：已收$/ }).click();
  await doc.getByRole('button', { name: /：原件带走$/ }).click();
  const waiting = currentPage(staff).locator('[data-testid=outbox-waiting]');
  await waiting.getByText('还有 3 项等待发送，联网后会自动发送').waitFor({ timeout: 15_000 });
  await waiting.getByText('1. 开始服务').waitFor();
  // The page goes on as if it had been sent: the checklist, the handover receipt.
  await currentPage(staff).locator('[data-testid=handover]').getByText(label).waitFor();
  await shot(staff, 'offline-three-waiting');
  const keys = await waitingKeys(staff);
  expect(keys).toHaveLength(3);
  expect(new Set(keys).size).toBe(3);
  const before = await api.call('GET', `/api/staff/tasks/${booking.id}`, staffSession.token);
  expect(before.task.status).toBe('arrived');

  // The network returns: the phone sends them by itself.
  await context.setOffline(false);
  await currentPage(staff).locator('[data-testid=outbox-sent]').waitFor({ timeout: 30_000 });
  await shot(staff, 'back-online-all-sent');
  const after = await api.call('GET', `/api/staff/tasks/${booking.id}`, staffSession.token);
  expect(after.task.status).toBe('in_service');
  expect(after.record.documents[0]).toMatchObject({ key: 'doc-0', status: 'collected', originalTaken: true });
  expect(after.record.handover).toEqual([{ label }]);
  expect(pageErrors).toEqual([]);

  // What the server itself recorded, read from its database once it has stopped.
  await context.close();
  await (server as RunningServer).stop();
  server = null;
  const { events, log } = readVisitLog(booking.id);
  const started = events.filter((e) => e.key === keys[0]);
  expect(started.map((e) => e.action)).toEqual(['start_service']);
  expect(log.filter((r) => keys.includes(r.key)).map((r) => [r.key, r.kind, r.item, r.payload])).toEqual([
    [keys[1], 'document', 'doc-0', { status: 'collected', originalTaken: false }],
    [keys[2], 'document', 'doc-0', { status: 'collected', originalTaken: true }],
  ]);
  expect(events.filter((e) => keys.includes(e.key))).toHaveLength(1);
  // In the order tapped: the status change before the first record write, before the second.
  const at = [started[0].at, ...log.filter((r) => keys.includes(r.key)).map((r) => r.at)].map((t) => Date.parse(t));
  expect([...at].sort((a, b) => a - b)).toEqual(at);
  expect(new Set(at).size).toBe(3);
});
