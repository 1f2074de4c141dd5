/**
 * Steps the booking journeys share: find what is on screen, tap by accessible name, and read the
 * signed-in person's bookings straight from the API (to count what the server really made).
 */
import type { Page } from 'playwright-core';
import { currentPage } from './browser';

/** Waits until the page on screen shows this text (Taro slides pages in; wait for the new one). */
export async function shows(page: Page, text: string | RegExp): Promise<void> {
  try {
    await currentPage(page).getByText(text).first().waitFor({ timeout: 20_000 });
  } catch (err) {
    // In CI's log, say where the app was instead, and what it showed.
    const seen = await page
      .evaluate(() => {
        const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page_stationed')).filter((el) => getComputedStyle(el).display !== 'none');
        const last = shown[shown.length - 1];
        return `address ${location.hash}; page on screen ${last?.id ?? 'none'}: ${(last?.innerText ?? '').replace(/\s+/g, ' ').slice(0, 400)}`;
      })
      .catch(() => 'the page could not be read');
    throw new Error(`${(err as Error).message.split('\n')[0]}\n${seen}`);
  }
}

export const button = (page: Page, name: string | RegExp) => currentPage(page).getByRole('button', { name }).first();

export async function signIn(page: Page, name: string | RegExp): Promise<void> {
  await shows(page, '欢迎使用安心上门');
  await button(page, name).click();
}

/** The bearer token the app keeps (Taro H5 wraps stored values as {"data": …}). */
export async function tokenOf(page: Page): Promise<string> {
  const raw = await page.evaluate(() => localStorage.getItem('homevisit.token'));
  if (!raw) throw new Error('not signed in');
  return (JSON.parse(raw) as { data: string }).data;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the fields they check
export async function bookingsOf(baseUrl: string, token: string): Promise<any[]> {
  const res = await fetch(`${baseUrl}/api/bookings`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`bookings: ${res.status}`);
  return res.json();
}

/** Taps the first time offered on the time page and returns its spoken name. */
export async function tapFirstTime(page: Page): Promise<string> {
  const slot = currentPage(page).locator('#slots [role=button]').first();
  await slot.waitFor({ timeout: 20_000 });
  const label = (await slot.getAttribute('aria-label')) ?? '';
  await slot.click();
  return label;
}
