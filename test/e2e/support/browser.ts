/**
 * Debian's Chromium driven by playwright-core, as a phone: 375×812, touch, 2× pixels.
 * Each step of a journey can be saved as a screenshot under test-results/ (git-ignored).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const SCREENSHOT_DIR = path.resolve(__dirname, '../../../test-results/screenshots');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
}

/** The page Taro H5 is showing now (others stay in the DOM, hidden, while they slide). */
export function currentPage(page: Page) {
  return page.locator('.taro_page_stationed:visible').last();
}

/**
 * Waits until Taro shows `route`: the address says so and the page on screen is that page
 * (Taro gives each page element its route as id, `/booking/pages/type/index?stamp=…`).
 */
export async function onRoute(page: Page, route: string, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    (r) => {
      const shown = Array.from(document.querySelectorAll('.taro_page_stationed')).filter((el) => getComputedStyle(el).display !== 'none');
      const last = shown[shown.length - 1];
      return location.hash.replace(/^#/, '').split('?')[0] === r && Boolean(last) && last.id.split('?')[0] === r;
    },
    route,
    { timeout },
  );
}

/**
 * Waits, after a tap on a person at the login page, until their start page is on screen. The
 * address changes at once, but the page mounts later (its sub-package loads first); a route
 * opened before that could be covered by the start page when it arrives.
 */
export async function landedAfterLogin(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const route = location.hash.replace(/^#/, '').split('?')[0];
      const shown = Array.from(document.querySelectorAll('.taro_page_stationed')).filter((el) => getComputedStyle(el).display !== 'none');
      const last = shown[shown.length - 1];
      return !route.includes('/pages/login/') && Boolean(last) && last.id.split('?')[0] === route;
    },
    undefined,
    { timeout },
  );
}

/**
 * Saves `<journey>/<nn>-<who>-<step>.png`, numbering steps in the order they are taken. Taro H5
 * scrolls inside the page element, so `fullPage` would cut it off: the viewport is grown to the
 * page's height for the shot and put back afterwards.
 */
export function stepShooter(journey: string) {
  const dir = path.join(SCREENSHOT_DIR, journey);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let n = 0;
  return async (page: Page, step: string) => {
    n += 1;
    const file = path.join(dir, `${String(n).padStart(2, '0')}-${step}.png`);
    const viewport = page.viewportSize() ?? { width: 375, height: 812 };
    const height = await currentPage(page).evaluate((el) => el.scrollHeight);
    await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, Math.min(height, 4000)) });
    await page.screenshot({ path: file, animations: 'disabled' });
    await page.setViewportSize(viewport);
    return file;
  };
}
