/**
 * Reading and touching what the current page shows, the way a person (or WeChat's screen reader)
 * meets it: text, and tappable elements by their aria-role/aria-label. Exparser keeps a node's
 * WXML attributes on the node, not in the DOM, so attributes are read from there.
 */
import timers from 'node:timers';
import type { MiniProgram } from './mini-program';

interface WxNode {
  _vt?: { attrs?: Array<{ name: string; value: unknown }>; event?: Record<string, unknown> };
}

export interface Tappable {
  label: string;
  role: string;
  el: Element;
}

type Matcher = string | RegExp;

const matches = (text: string, m: Matcher) => (typeof m === 'string' ? text.includes(m) : m.test(text));

function wxNode(el: Element): WxNode | undefined {
  return (el as unknown as { __wxElement?: WxNode }).__wxElement;
}

/** A WXML attribute of the element (wcc hands `aria-label` over as `ariaLabel`). */
export function attr(el: Element, name: string): string {
  const camel = name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
  const a = wxNode(el)?._vt?.attrs?.find((x) => x.name === name || x.name === camel);
  return a && a.value !== undefined && a.value !== null ? String(a.value) : '';
}

function hasTapHandler(el: Element): boolean {
  return !!wxNode(el)?._vt?.event?.tap;
}

export const sleep = (ms: number) => new Promise<void>((r) => timers.setTimeout(r, ms));

export class Screen {
  constructor(private readonly mp: MiniProgram) {}

  private get root(): HTMLElement {
    return this.mp.currentPage.container;
  }

  /** Each piece of text on the page, in order. */
  texts(): string[] {
    return Array.from(this.root.querySelectorAll('wx-text'))
      .map((el) => (el.textContent ?? '').trim())
      .filter(Boolean);
  }

  text(): string {
    return this.texts().join('\n');
  }

  has(m: Matcher): boolean {
    return this.texts().some((t) => matches(t, m));
  }

  /** Elements a person can tap that say what they are: aria-role button/radio/link/checkbox with a label. */
  tappables(): Tappable[] {
    return Array.from(this.root.querySelectorAll('*'))
      .filter((el) => attr(el, 'aria-role') && attr(el, 'aria-label'))
      .map((el) => ({ label: attr(el, 'aria-label'), role: attr(el, 'aria-role'), el }));
  }

  /** Elements whose WXML id is this (Taro puts a component's `id` there; WeChat keeps it off the DOM). */
  byId(id: string): Element | undefined {
    return Array.from(this.root.querySelectorAll('*')).find((el) => attr(el, 'id') === id);
  }

  /** Buttons inside an element, in order. */
  buttonsIn(container: Element): Tappable[] {
    return Array.from(container.querySelectorAll('*'))
      .filter((el) => attr(el, 'aria-role') === 'button' && attr(el, 'aria-label'))
      .map((el) => ({ label: attr(el, 'aria-label'), role: 'button', el }));
  }

  /** Text of every error notice on the page (aria-role alert). */
  alerts(): string[] {
    return Array.from(this.root.querySelectorAll('*'))
      .filter((el) => attr(el, 'aria-role') === 'alert')
      .map((el) => (el.textContent ?? '').trim());
  }

  button(name: Matcher): Tappable | undefined {
    return this.tappables().find((t) => t.role === 'button' && matches(t.label, name));
  }

  /** Waits (polling, never a fixed sleep) until the check passes; fails with what the page shows. */
  async waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.mp.stack.length ? check() : undefined;
      if (found) return found;
      if (Date.now() > deadline) {
        const page = this.mp.stack.length ? this.mp.currentPage.route : '(no page)';
        throw new Error(`${this.mp.name}: waited ${timeoutMs} ms for ${what} on ${page}.\nPage text:\n${this.mp.stack.length ? this.text() : ''}\nApp errors: ${JSON.stringify(this.mp.errors, null, 2)}`);
      }
      await sleep(10);
    }
  }

  waitForText(m: Matcher, timeoutMs?: number): Promise<string> {
    return this.waitFor(`text ${String(m)}`, () => this.texts().find((t) => matches(t, m)), timeoutMs);
  }

  waitForRoute(route: string, timeoutMs?: number): Promise<true> {
    return this.waitFor(`page ${route}`, () => this.mp.currentPage.route === route.replace(/^\//, '') || undefined, timeoutMs);
  }

  async waitForButton(name: Matcher, timeoutMs?: number): Promise<Tappable> {
    return this.waitFor(`button ${String(name)}`, () => this.button(name), timeoutMs);
  }

  /** Taps the button with this accessible name: a finger down and up on it, so WeChat makes a tap. */
  async tap(name: Matcher, timeoutMs?: number): Promise<void> {
    const target = await this.waitForButton(name, timeoutMs);
    this.touch(target.el);
  }

  /** Taps the nearest tappable element around this text. */
  async tapText(m: Matcher, timeoutMs?: number): Promise<void> {
    const el = await this.waitFor(`tappable text ${String(m)}`, () => Array.from(this.root.querySelectorAll('wx-text')).find((t) => matches(t.textContent ?? '', m)), timeoutMs);
    let node: Element | null = el;
    while (node && !hasTapHandler(node)) node = node.parentElement;
    if (!node) throw new Error(`${this.mp.name}: nothing tappable around ${String(m)}`);
    this.touch(node);
  }

  touch(el: Element): void {
    const point = { identifier: 1, target: el, clientX: 10, clientY: 10, pageX: 10, pageY: 10, screenX: 10, screenY: 10 };
    const TouchCtor = (globalThis as unknown as { Touch: new (o: object) => Touch }).Touch;
    const touch = new TouchCtor(point);
    el.dispatchEvent(new TouchEvent('touchstart', { bubbles: true, cancelable: true, touches: [touch], changedTouches: [touch] }));
    el.dispatchEvent(new TouchEvent('touchend', { bubbles: true, cancelable: true, touches: [], changedTouches: [touch] }));
  }
}
