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
