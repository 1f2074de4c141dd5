/**
 * axe-core (the engine behind most accessibility checkers) run inside the page, on the page
 * Taro is showing now. Pages Taro keeps in the DOM behind it are excluded, so a violation is
 * always the current page's; rules about the whole document (language, title, zoom) still run.
 */
import axe from 'axe-core';
import type { Locator, Page } from 'playwright-core';

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  /** CSS path and a line of the element's HTML, for each element that fails. */
  elements: string[];
}

/** Set on the page on screen, so axe and the measurements are scoped to it. */
export const CURRENT_ATTR = 'data-tour-current';

export async function markCurrent(page: Page, current: Locator): Promise<void> {
  await page.evaluate((attr) => document.querySelectorAll(`[${attr}]`).forEach((el) => el.removeAttribute(attr)), CURRENT_ATTR);
  await current.evaluate((el, attr) => el.setAttribute(attr, ''), CURRENT_ATTR);
}

/**
 * Every violation axe finds with its default rules (WCAG 2.x A and AA, and best practices) on
 * the current page, marked with `markCurrent` first.
 */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.addScriptTag({ content: axe.source });
  return page.evaluate(async (attr) => {
    const engine = (window as unknown as { axe: typeof axe }).axe;
    const context = { include: [['html']], exclude: [[`.taro_page:not([${attr}])`]] };
    const result = await engine.run(context as unknown as axe.ElementContext, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      elements: v.nodes.map((n) => `${n.target.join(' ')} ${n.html.replace(/\s+/g, ' ').slice(0, 120)}`),
    }));
  }, CURRENT_ATTR);
}

export function formatFindings(page: string, findings: AxeFinding[]): string[] {
  return findings.flatMap((f) => f.elements.map((e) => `${page} · ${f.rule} (${f.impact}: ${f.help}) · ${e}`));
}
