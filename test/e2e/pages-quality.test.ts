/**
 * Every page of the app, in elder mode on a 375×812 phone, reached by the person who uses it:
 * - axe-core finds no accessibility violation;
 * - the smallest text is ≥ 20 px with line height ≥ 1.3, the smallest tap target ≥ 60×60 px, body text (under 24 px)
 *   contrast ≥ 7:1 and any text ≥ 4.5:1, all measured from what the browser rendered;
 * - with the browser's text set to 1.5× (how the app reads the font scale on H5, see
 *   src/platform/font-scale.ts), no text is cut off and no text is drawn over other text.
 * A screenshot of each page is saved under test-results/screenshots/pages/, and the measured
 * minima are printed (one line per page, then the overall minima) and written to
 * test-results/pages-quality.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, formatFindings, markCurrent } from './support/axe';
import { SCREENSHOT_DIR, currentPage, landedAfterLogin, launchBrowser, onRoute, phoneContext } from './support/browser';
import { LIMITS, findLayoutProblems, measureElderMeasures, type ElderMeasures, type LayoutProblems } from './support/measure';
import { PEOPLE, TOUR, appPages, type Person } from './support/page-tour';
import { startServer, type RunningServer } from './support/server-process';
import { tourData } from './support/tour-data';

const PAGES = appPages();
const SHOTS = path.join(SCREENSHOT_DIR, 'pages');
const REPORT = path.resolve(__dirname, '../../test-results/pages-quality.json');
type Scale = 1 | 1.5;

interface PageResult {
  route: string;
  as: Person;
  axe: string[];
  measures?: ElderMeasures;
  layout?: LayoutProblems;
}

let server: RunningServer;
let browser: Browser;
let data: ReturnType<typeof tourData>;
const sessions = new Map<Person, Promise<Record<string, string>>>();
const results = new Map<string, PageResult>();
let loads = 0;

/**
 * What the browser keeps after `person` signs in on the login page (the session token), taken
 * once; each page then starts on a fresh phone holding only that, so no page sees a draft or a
 * choice left by another.
 */
function signedIn(person: Person): Promise<Record<string, string>> {
  if (!sessions.has(person)) sessions.set(person, signIn(person));
  return sessions.get(person) as Promise<Record<string, string>>;
}

async function signIn(person: Person): Promise<Record<string, string>> {
  if (person === 'signedOut') return {};
  const context = await phoneContext(browser);
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await onRoute(page, '/pages/login/index');
  const name = person === 'staff' ? await data.staffName() : PEOPLE[person];
  await currentPage(page).getByRole('button', { name: new RegExp(`^${name}`) }).first().click();
  await landedAfterLogin(page);
  const stored = await page.evaluate(() => ({ ...localStorage }));
  await context.close();
  return stored;
}

/** A fresh phone for one page: signed in as `person`, text at `scale` × the default size. */
async function phoneFor(person: Person, scale: Scale): Promise<BrowserContext> {
  const stored = await signedIn(person);
  const context = await phoneContext(browser);
  await context.addInitScript((entries) => {
    if (sessionStorage.getItem('tour-seeded')) return;
    Object.entries(entries).forEach(([k, v]) => localStorage.setItem(k, v));
    sessionStorage.setItem('tour-seeded', '1');
  }, stored);
  // The browser's own text size, which the app reads as its font scale (16 px = 1×). Init
  // scripts may run before <html> exists: set it as soon as the element is there.
  if (scale !== 1) {
    await context.addInitScript((s) => {
      const apply = () => Boolean(document.documentElement && (document.documentElement.style.fontSize = `${s * 100}%`));
      if (apply()) return;
      const watch = new MutationObserver(() => apply() && watch.disconnect());
      watch.observe(document, { childList: true });
    }, scale);
  }
  return context;
}

/** Loads the app afresh at a route (a new query string makes it a real page load). */
const opener = (page: Page) => async (route: string, params: Record<string, string> = {}) => {
  loads += 1;
  const query = new URLSearchParams(params).toString();
  await page.goto(`${server.url}/?tour=${loads}#${route}${query ? `?${query}` : ''}`);
  await onRoute(page, route);
};

/** Waits until the page has stopped loading: its data arrived, the slide-in ended, fonts drawn. */
async function settle(page: Page, route: string): Promise<void> {
  await onRoute(page, route);
  await page.waitForLoadState('networkidle');
  await currentPage(page).locator('.loading:visible').first().waitFor({ state: 'detached', timeout: 20_000 }).catch(() => undefined);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(400);
}

/** The page on screen, reached by its person; on failure a screenshot shows where the tour stood. */
async function showPage(route: string, scale: Scale, errors: string[]): Promise<{ page: Page; context: BrowserContext }> {
  const stop = TOUR[route];
  if (!stop) throw new Error(`no tour stop for ${route}: add one to test/e2e/support/page-tour.ts`);
  const context = await phoneFor(stop.as, scale);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await stop.reach(page, opener(page), data);
    await settle(page, route);
  } catch (e) {
    await page.screenshot({ path: path.join(SHOTS, `${slug(route)}${scale === 1 ? '' : '-1.5x'}-FAILED.png`) }).catch(() => undefined);
    await context.close();
    throw e;
  }
  await markCurrent(page, currentPage(page));
  return { page, context };
}

const slug = (route: string) => `${String(PAGES.indexOf(route) + 1).padStart(2, '0')}-${route.replace(/^\/|\/index$/g, '').replace(/pages\//, '').replace(/\//g, '-')}`;

/** The phone screen as the person first sees it, and the whole page grown to its full height. */
async function screenshots(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), animations: 'disabled' });
  const height = await currentPage(page).evaluate((el) => el.scrollHeight);
  await page.setViewportSize({ width: 375, height: Math.max(812, Math.min(height, 6000)) });
  await page.screenshot({ path: path.join(SHOTS, `${name}-full.png`), animations: 'disabled' });
  await page.setViewportSize({ width: 375, height: 812 });
}

function shortfalls(m: ElderMeasures): string[] {
  const out: string[] = [];
  if (m.minFontPx.value < LIMITS.fontPx) out.push(`text ${m.minFontPx.value} px < ${LIMITS.fontPx} px: ${m.minFontPx.at}`);
  if (m.minLineHeight.value < LIMITS.lineHeight) out.push(`line height ${m.minLineHeight.value}× < ${LIMITS.lineHeight}×: ${m.minLineHeight.at}`);
  if (m.minTarget.value < LIMITS.targetPx) out.push(`tap target ${m.minTarget.size} px < ${LIMITS.targetPx}×${LIMITS.targetPx}: ${m.minTarget.at}`);
  if (m.minBodyContrast.value < LIMITS.bodyContrast) out.push(`body text contrast ${m.minBodyContrast.value}:1 < ${LIMITS.bodyContrast}:1: ${m.minBodyContrast.at}`);
  if (m.minAnyContrast.value < LIMITS.anyContrast) out.push(`text contrast ${m.minAnyContrast.value}:1 < ${LIMITS.anyContrast}:1: ${m.minAnyContrast.at}`);
  m.unknownBackground.forEach((at) => out.push(`contrast cannot be measured (image or gradient behind the text): ${at}`));
  m.unfocusable.forEach((at) => out.push(`tap target not reachable by keyboard (no tabindex): ${at}`));
  return out;
}

beforeAll(async () => {
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();
  data = tourData(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  printReport();
});

test('every page in src/app.config.ts has a stop on the tour, and every stop is a page', () => {
  expect(PAGES.filter((p) => !TOUR[p])).toEqual([]);
  expect(Object.keys(TOUR).filter((p) => !PAGES.includes(p))).toEqual([]);
});

// The checks themselves must be able to fail: a page made of the faults they look for.
const FAULTY_PAGE = `<!doctype html><html lang="zh-CN"><head><title>坏页面</title></head><body><main id="root" style="font-size:20px;width:375px">
  <p style="font-size:14px;color:#1a1a1a;line-height:1.5">小字</p>
  <p style="line-height:1.1">挤在一起的字</p>
  <p style="color:#777;background:#fff">浅灰字</p>
  <p style="color:#555;font-size:28px;background:#eee">大标题</p>
  <div role="button" tabindex="0" aria-label="小按钮" style="width:30px;height:30px;background:#0a4a8f;color:#fff">点</div>
  <div role="button" aria-label="不能用键盘" style="width:80px;height:80px">键</div>
  <div style="width:100px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis">这是一行很长很长很长很长的字</div>
  <div style="position:relative;height:40px"><span style="position:absolute;top:0">上面的字</span><span style="position:absolute;top:5px;left:10px">下面的字</span></div>
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
</main></body></html>`;

test('the checks catch small text, small targets, weak contrast, clipped and overlapping text, and axe violations', async () => {
  const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
  await page.setContent(FAULTY_PAGE);
  const root = page.locator('#root');
  const m = await measureElderMeasures(root);
  const layout = await findLayoutProblems(root);
  const axe = await axeViolations(page);
  await page.close();
  expect(m.minFontPx.value).toBe(14);
  expect(m.minLineHeight.value).toBe(1.1);
  expect(m.minTarget.size).toBe('30×30');
  expect(m.minBodyContrast.value).toBeCloseTo(4.48, 1);
  expect(m.minAnyContrast.value).toBeLessThan(LIMITS.anyContrast);
  expect(m.unfocusable).toEqual(['div "不能用键盘"']);
  expect(shortfalls(m)).toHaveLength(6);
  expect(layout.clipped).toEqual([expect.stringContaining('ellipsis')]);
  expect(layout.overlapping).toEqual(['span "上面的字" × span "下面的字"']);
  expect(axe.map((f) => f.rule)).toContain('image-alt');
});

describe.each(PAGES)('%s', (route) => {
  test('in elder mode: no axe violation; text ≥ 20 px, targets ≥ 60×60 px, contrast ≥ 7:1 (body) and ≥ 4.5:1 (any)', async () => {
    const errors: string[] = [];
    const result: PageResult = { route, as: TOUR[route]?.as ?? 'signedOut', axe: [] };
    results.set(route, result);
    const { page, context } = await showPage(route, 1, errors);
    await screenshots(page, slug(route));
    result.axe = formatFindings(route, await axeViolations(page));
    result.measures = await measureElderMeasures(currentPage(page));
    await context.close();
    expect({ axe: result.axe, shortfalls: shortfalls(result.measures), errors }).toEqual({ axe: [], shortfalls: [], errors: [] });
    expect(result.measures.textCount).toBeGreaterThan(0);
  });

  test('at 1.5× font scale: no text clipped, no text over other text', async () => {
    const errors: string[] = [];
    const { page, context } = await showPage(route, 1.5, errors);
    await screenshots(page, `${slug(route)}-1.5x`);
    const layout = await findLayoutProblems(currentPage(page));
    // The app really read the larger setting: body text grew from 20 px to 30 px.
    const bodyPx = await currentPage(page).evaluate((el) => parseFloat(getComputedStyle(el.querySelector('.page') ?? el).fontSize));
    await context.close();
    const result = results.get(route);
    if (result) result.layout = layout;
    expect({ ...layout, errors }).toEqual({ clipped: [], overlapping: [], errors: [] });
    expect(bodyPx).toBeGreaterThanOrEqual(30);
  });
});

// ---- the report the coordinator quotes ----

const fmt = (n: number, unit = '') => (Number.isFinite(n) ? `${Math.round(n * 100) / 100}${unit}` : '–');

function printReport(): void {
  const rows = PAGES.map((r) => results.get(r)).filter((r): r is PageResult => Boolean(r?.measures));
  if (!rows.length) return;
  const lines = rows.map((r) => {
    const m = r.measures as ElderMeasures;
    const layout = r.layout ? `${r.layout.clipped.length} clipped, ${r.layout.overlapping.length} overlapping` : 'not measured';
    return `  ${r.route.padEnd(32)} as ${r.as.padEnd(9)} font ${fmt(m.minFontPx.value, 'px').padEnd(7)} line ${fmt(m.minLineHeight.value, '×').padEnd(6)} target ${(m.minTarget.size || '–').padEnd(8)} body contrast ${fmt(m.minBodyContrast.value, ':1').padEnd(8)} any ${fmt(m.minAnyContrast.value, ':1').padEnd(8)} axe ${r.axe.length}  1.5×: ${layout}`;
  });
  const min = (pick: (m: ElderMeasures) => { value: number }) =>
    rows.reduce((best, r) => (pick(r.measures as ElderMeasures).value < best.value ? { value: pick(r.measures as ElderMeasures).value, route: r.route } : best), { value: Infinity, route: '' });
  const font = min((m) => m.minFontPx);
  const line = min((m) => m.minLineHeight);
  const target = min((m) => m.minTarget);
  const body = min((m) => m.minBodyContrast);
  const any = min((m) => m.minAnyContrast);
  const violations = rows.reduce((n, r) => n + r.axe.length, 0);
  const summary = [
    '',
    `pages quality (elder mode, 375×812): ${rows.length} of ${PAGES.length} pages checked, ${violations} axe violations`,
    ...lines,
    `  overall minima: font ${fmt(font.value, ' px')} (${font.route}), line height ${fmt(line.value, '×')} (${line.route}), target ${fmt(target.value, ' px')} (${target.route}), body-text contrast ${fmt(body.value, ':1')} (${body.route}), any text ${fmt(any.value, ':1')} (${any.route})`,
    '',
  ];
  process.stdout.write(`${summary.join('\n')}\n`);
  fs.mkdirSync(path.dirname(REPORT), { recursive: true });
  fs.writeFileSync(REPORT, JSON.stringify({ pages: PAGES.length, checked: rows.length, violations, results: rows }, null, 2));
}
