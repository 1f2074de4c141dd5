/**
 * Measures what an elder's eyes and fingers meet on the page on screen, from the browser's own
 * computed styles and boxes (never from our stylesheets, which could say one thing and render
 * another): the smallest text, the smallest tap target, the weakest text contrast; and, at a
 * larger font setting, text that is cut off or drawn over other text.
 *
 * The functions passed to `page.evaluate` run inside the page, so they use nothing from this
 * module's scope (each carries its own helpers).
 */
import type { Locator } from 'playwright-core';

/** An element named so a person can find it: `tag.class "text…"`. */
export interface Where {
  value: number;
  at: string;
}

export interface ElderMeasures {
  textCount: number;
  targetCount: number;
  minFontPx: Where;
  /** Line height ÷ font size (`normal` counts as 1.2, what browsers use for most fonts). */
  minLineHeight: Where;
  /** The narrower side of the smallest tap target; `minTarget.size` has both sides. */
  minTarget: Where & { size: string };
  /** Text under 24 px (in elder mode: running text, labels, buttons; headings are bigger). */
  minBodyContrast: Where;
  minAnyContrast: Where;
  /** Text whose background could not be worked out (an image or gradient behind it). */
  unknownBackground: string[];
  /** Tap targets a keyboard (or a switch device) cannot reach: no tabindex. */
  unfocusable: string[];
}

export interface LayoutProblems {
  clipped: string[];
  overlapping: string[];
}

/** Limits from STANDARDS.md (elder mode). */
export const LIMITS = { fontPx: 20, lineHeight: 1.3, targetPx: 60, bodyContrast: 7, anyContrast: 4.5 } as const;

/** What counts as something a finger taps: ARIA roles, native controls and Taro's own controls. */
export const INTERACTIVE_SELECTOR = [
  '[role=button]', '[role=link]', '[role=checkbox]', '[role=radio]', '[role=tab]', '[role=switch]',
  '[role=menuitem]', '[role=option]', '[role=slider]', '[role=combobox]', '[role=textbox]',
  'a[href]', 'button', 'input:not([type=hidden])', 'select', 'textarea',
  'taro-button-core', 'taro-checkbox-core', 'taro-radio-core', 'taro-switch-core', 'taro-input-core',
  'taro-textarea-core', 'taro-picker-core', 'taro-slider-core', 'taro-navigator-core',
].join(',');

/** Smallest font, target and contrast inside `root` (the page on screen). */
export function measureElderMeasures(root: Locator): Promise<ElderMeasures> {
  return root.evaluate((rootEl, interactiveSelector) => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D;
    // Any CSS colour → [r, g, b, a]: the canvas normalises rgb(), color(), oklch()…
    const rgba = (css: string): number[] => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = '#000';
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      const d = ctx.getImageData(0, 0, 1, 1).data;
      return [d[0], d[1], d[2], d[3] / 255];
    };
    const over = (top: number[], under: number[]): number[] => {
      const a = top[3];
      return [0, 1, 2].map((i) => top[i] * a + under[i] * (1 - a)).concat(1);
    };
    const luminance = (c: number[]): number => {
      const lin = c.slice(0, 3).map((v) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
    };
    const ratio = (a: number[], b: number[]): number => {
      const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (l1 + 0.05) / (l2 + 0.05);
    };
    const describe = (el: Element): string => {
      const cls = typeof el.className === 'string' ? el.className.trim().split(/\s+/).filter(Boolean).slice(0, 3).join('.') : '';
      const label = el.getAttribute('aria-label') || (el.textContent || '').trim();
      return `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''} "${label.replace(/\s+/g, ' ').slice(0, 24)}"`;
    };
    const visible = (el: Element): boolean => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 1 && r.height > 1 && s.visibility !== 'hidden' && s.display !== 'none';
    };
    // The colour behind an element: composite the backgrounds of its ancestors, bottom up.
    const backgroundOf = (el: Element): { color: number[]; opacity: number; image: boolean } => {
      const layers: number[][] = [];
      let opacity = 1;
      let image = false;
      for (let n: Element | null = el; n; n = n.parentElement) {
        const s = getComputedStyle(n);
        opacity *= parseFloat(s.opacity);
        if (s.backgroundImage && s.backgroundImage !== 'none') image = true;
        const c = rgba(s.backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] >= 1) break;
      }
      let color = [255, 255, 255, 1];
      for (let i = layers.length - 1; i >= 0; i -= 1) color = over(layers[i], color);
      return { color, opacity, image };
    };

    const out = {
      textCount: 0,
      targetCount: 0,
      minFontPx: { value: Infinity, at: '' },
      minLineHeight: { value: Infinity, at: '' },
      minTarget: { value: Infinity, at: '', size: '' },
      minBodyContrast: { value: Infinity, at: '' },
      minAnyContrast: { value: Infinity, at: '' },
      unknownBackground: [] as string[],
      unfocusable: [] as string[],
    };

    // Every element that holds visible text of its own (text nodes), plus typed-in values.
    const textElements = new Set<Element>();
    const walker = document.createTreeWalker(rootEl, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const parent = t.parentElement;
      if (!parent || !(t.textContent || '').trim() || parent.closest('svg,script,style,noscript')) continue;
      if (visible(parent)) textElements.add(parent);
    }
    rootEl.querySelectorAll('input,textarea').forEach((el) => {
      if ((el as HTMLInputElement).value && visible(el)) textElements.add(el);
    });

    textElements.forEach((el) => {
      const s = getComputedStyle(el);
      const size = parseFloat(s.fontSize);
      out.textCount += 1;
      if (size < out.minFontPx.value) out.minFontPx = { value: size, at: describe(el) };
      const lineHeight = Math.round((s.lineHeight === 'normal' ? 1.2 : parseFloat(s.lineHeight) / size) * 100) / 100;
      if (lineHeight < out.minLineHeight.value) out.minLineHeight = { value: lineHeight, at: describe(el) };
      const bg = backgroundOf(el);
      if (bg.image) out.unknownBackground.push(describe(el));
      const fg = rgba(s.color);
      fg[3] *= bg.opacity;
      const contrast = Math.round(ratio(over(fg, bg.color), bg.color) * 100) / 100;
      if (contrast < out.minAnyContrast.value) out.minAnyContrast = { value: contrast, at: describe(el) };
      if (size < 24 && contrast < out.minBodyContrast.value) out.minBodyContrast = { value: contrast, at: describe(el) };
    });

    // Tap targets: the outermost interactive element (a checkbox icon inside a tappable row is
    // part of the row's target, not a target of its own).
    rootEl.querySelectorAll(interactiveSelector).forEach((el) => {
      if (!visible(el)) return;
      const outer = el.parentElement?.closest(interactiveSelector);
      if (outer && rootEl.contains(outer)) return;
      const r = el.getBoundingClientRect();
      out.targetCount += 1;
      const disabled = el.getAttribute('aria-disabled') === 'true' || el.hasAttribute('disabled');
      const focusable = (el as HTMLElement).tabIndex >= 0 || el.querySelector('input,textarea,button,select,a[href],[tabindex]') !== null;
      if (!focusable && !disabled) out.unfocusable.push(describe(el));
      const side = Math.min(r.width, r.height);
      if (side < out.minTarget.value) out.minTarget = { value: Math.round(side * 10) / 10, at: describe(el), size: `${Math.round(r.width)}×${Math.round(r.height)}` };
    });
    return out;
  }, INTERACTIVE_SELECTOR);
}

/**
 * Text cut off (its box narrower than its content, an ellipsis, a clamp, or past the screen's
 * edge) and text drawn over other text, inside `root`.
 */
export function findLayoutProblems(root: Locator): Promise<LayoutProblems> {
  return root.evaluate((rootEl) => {
    const describe = (el: Element): string => {
      const cls = typeof el.className === 'string' ? el.className.trim().split(/\s+/).filter(Boolean).slice(0, 3).join('.') : '';
      return `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''} "${(el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 24)}"`;
    };
    const clipped = new Set<string>();
    const overlapping: string[] = [];
    const boxes: Array<{ r: DOMRect; node: Text; el: Element }> = [];
    const width = document.documentElement.clientWidth;
    const walker = document.createTreeWalker(rootEl, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
      const parent = t.parentElement;
      if (!parent || !(t.textContent || '').trim() || parent.closest('svg,script,style,noscript')) continue;
      const range = document.createRange();
      range.selectNodeContents(t);
      const rects = Array.from(range.getClientRects()).filter((r) => r.width > 1 && r.height > 1);
      if (!rects.length) continue;
      // Inline boxes have no scroll size: judge the box that lays the text out.
      let box: Element = parent;
      while (box.parentElement && getComputedStyle(box).display === 'inline') box = box.parentElement;
      const s = getComputedStyle(box);
      const overflowsX = box.scrollWidth > box.clientWidth + 1;
      const overflowsY = box.scrollHeight > box.clientHeight + 1 && s.overflowY !== 'visible';
      const clamped = s.webkitLineClamp !== 'none' && s.webkitLineClamp !== '' && box.scrollHeight > box.clientHeight + 1;
      const pastEdge = rects.some((r) => r.left < -1 || r.right > width + 1);
      if (overflowsX || overflowsY || clamped || pastEdge) {
        const why = [overflowsX && (s.textOverflow === 'ellipsis' ? 'ellipsis' : 'wider than its box'), overflowsY && 'cut at the bottom', clamped && 'line clamp', pastEdge && 'past the screen edge'];
        clipped.add(`${describe(box)}: ${why.filter(Boolean).join(', ')}`);
      }
      rects.forEach((r) => boxes.push({ r, node: t as Text, el: parent }));
    }
    // Two pieces of text overlap when their glyph boxes share more than a sliver (2 px each way).
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.node === b.node) continue;
        const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (w > 2 && h > 2) overlapping.push(`${describe(a.el)} × ${describe(b.el)}`);
      }
    }
    return { clipped: Array.from(clipped), overlapping: Array.from(new Set(overlapping)) };
  });
}
