/**
 * Steps the staff workbench journeys share: book a claim as the elder through the API, open the
 * app as a person (signed in through the login page), and read a visit as the elder sees it.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { currentPage, landedAfterLogin, onRoute, phoneContext } from './browser';
import { button, shows } from './booking-steps';
import { ONE_PIXEL_PNG } from './photos';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the fields they check
export type Json = any;

export interface Api {
  call(method: string, path: string, token?: string, body?: unknown, headers?: Record<string, string>): Promise<Json>;
  signInAs(name: string): Promise<{ token: string; id: string }>;
}

export function apiOf(baseUrl: string): Api {
  const call = async (method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  return {
    call,
    async signInAs(name) {
      const users: Json[] = await call('GET', '/api/auth/demo-users');
      const user = users.find((u) => u.name === name);
      if (!user) throw new Error(`no demo user ${name}`);
      const session = await call('POST', '/api/auth/dev-login', undefined, { userId: user.id });
      return { token: session.token, id: user.id };
    },
  };
}

let booked = 0;
/** The elder books an inpatient claim at the n-th time offered (each booking its own slot). */
export async function bookClaim(api: Api, elderToken: string, claimType = 'inpatient'): Promise<Json> {
  const [address] = await api.call('GET', '/api/addresses', elderToken);
  const slots = await api.call('GET', `/api/slots?serviceType=claim&claimType=${claimType}&addressId=${address.id}`, elderToken);
  const starts: string[] = slots.days.flatMap((d: Json) => d.slots.map((s: Json) => s.start));
  const slotStart = starts[booked++ % starts.length];
  const body = { serviceType: 'claim', claimType, addressId: address.id, slotStart };
  const booking = await api.call('POST', '/api/bookings', elderToken, body, { 'idempotency-key': `e2e-staff-${Date.now()}-${booked}` });
  if (!booking.staff) throw new Error('the booking was not matched to a staff member');
  return booking;
}

/** A phone with the app open, signed in as `name` through the login page. */
export async function openAs(browser: Browser, baseUrl: string, name: string, errors: string[], setup?: (c: BrowserContext) => Promise<void>): Promise<Page> {
  const context = await phoneContext(browser);
  await setup?.(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
  await page.goto(`${baseUrl}/`);
  await shows(page, '欢迎使用安心上门');
  await button(page, new RegExp(`^${name}`)).click();
  await landedAfterLogin(page);
  return page;
}

/** Changes the address to a route of the app (a hash change, as a tap on a link would); the app may send the person elsewhere. */
export async function openAddress(page: Page, baseUrl: string, route: string, params: Record<string, string> = {}): Promise<void> {
  const query = new URLSearchParams(params).toString();
  await page.goto(`${baseUrl}/#${route}${query ? `?${query}` : ''}`);
}

/** Goes to a route of the app in this page and waits until that page is on screen. */
export async function goTo(page: Page, baseUrl: string, route: string, params: Record<string, string> = {}): Promise<void> {
  await openAddress(page, baseUrl, route, params);
  await onRoute(page, route);
}

/** Waits (up to `timeout`) until the customer's status card says `label`: the page follows by itself. */
export async function customerSees(page: Page, label: string | RegExp, timeout = 15_000): Promise<void> {
  await currentPage(page).locator('[data-testid=visit-status]').getByText(label).first().waitFor({ timeout });
}

/** Polls the API until `check` passes (the server side of a step), up to `timeout`. */
export async function until<T>(what: string, read: () => Promise<T>, check: (v: T) => boolean, timeout = 15_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T = await read();
  while (!check(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 250));
    last = await read();
  }
  return last;
}

/** 拍照 for a document: the browser's file chooser stands in for the camera. */
export async function photograph(page: Page, docTestId: string, name: string): Promise<void> {
  const doc = currentPage(page).locator(`[data-testid=${docTestId}]`);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), doc.getByRole('button', { name: /^给.*拍照$/ }).click()]);
  await chooser.setFiles({ name, mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
}

/** Draws a signature with the mouse across the pad, in three strokes. */
export async function drawSignature(page: Page): Promise<void> {
  const canvas = currentPage(page).locator('[data-testid=signature-pad] canvas');
  await canvas.waitFor();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the signature pad has no size');
  const strokes = [
    [[0.15, 0.6], [0.25, 0.3], [0.35, 0.65]],
    [[0.4, 0.5], [0.55, 0.35], [0.6, 0.6]],
    [[0.65, 0.4], [0.8, 0.55], [0.9, 0.35]],
  ];
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    await page.mouse.move(box.x + first[0] * box.width, box.y + first[1] * box.height);
    await page.mouse.down();
    for (const [x, y] of rest) await page.mouse.move(box.x + x * box.width, box.y + y * box.height, { steps: 8 });
    await page.mouse.up();
  }
}
