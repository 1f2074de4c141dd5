/**
 * One simulated WeChat mini-program: the production weapp build's code in its own realm (no
 * browser globals), its WXML rendered by WeChat's compiler and component framework, `wx` from
 * the shim, and a page stack with WeChat's lifecycles (onLoad → onShow → onReady, onHide,
 * onUnload). Everything between the two sides is copied as JSON, and every setData is measured.
 *
 *   const mp = await MiniProgram.launch({ serverUrl });
 *   await mp.screen.waitForText('欢迎使用安心上门');
 *   await mp.screen.tap(/^张秀英/);
 *   mp.close();
 */
import { Buffer } from 'node:buffer';
import path from 'node:path';
import timers from 'node:timers';
import type { FakeWechat } from '../../helpers/fake-wechat';
import { AppRealm, type Options } from './app-realm';
import { parsePageUrl, readManifest, type AppManifest } from './pages';
import { Renderer, type RenderedView } from './renderer';
import { Screen } from './screen';
import { createWx, type Modal } from './wx-shim';

/** The WeChat build under test; WEAPP_DIR points at another (parallel work builds into its own folder). */
export const DEFAULT_DIST = path.resolve(process.env.WEAPP_DIR || path.resolve(__dirname, '../../../dist/weapp'));
/** The API base the weapp build has baked in by default (config/index.ts). */
export const DEFAULT_BAKED_API_BASE = 'http://localhost:3000';
const MAX_STACK = 10;

export interface MiniProgramOptions {
  serverUrl: string;
  distDir?: string;
  bakedApiBase?: string;
  /** WeChat's font-size setting as a factor (1 = standard). */
  fontScale?: number;
  /** Where wx.login gets its code: this fake WeChat, for this person. */
  wechat?: { fake: FakeWechat; openid: string };
  /** Label used in error messages ("customer", "staff"). */
  name?: string;
  /** What the phone has stored before the app starts (e.g. a saved session token). */
  storage?: Record<string, unknown>;
}

export interface PageEntry {
  route: string;
  query: Record<string, string>;
  inst: Record<string, unknown>;
  view: RenderedView;
  container: HTMLElement;
  title: string;
}

export interface SetDataRecord {
  route: string;
  bytes: number;
}

type Lifecycle = 'onLoad' | 'onShow' | 'onReady' | 'onHide' | 'onUnload' | 'onPullDownRefresh';

const openPrograms = new Set<MiniProgram>();
function onUnhandledRejection(reason: unknown): void {
  const message = reason instanceof Object && 'stack' in reason ? String((reason as Error).stack) : String(reason);
  for (const mp of openPrograms) mp.realm.record('unhandled-rejection', message);
}

function functionKeys(obj: Options | undefined): string[] {
  return obj ? Object.keys(obj).filter((k) => typeof obj[k] === 'function') : [];
}

function plainTarget(t: unknown) {
  const x = (t ?? {}) as { id?: string; dataset?: Record<string, unknown>; offsetLeft?: number; offsetTop?: number };
  return { id: x.id ?? '', dataset: { ...(x.dataset ?? {}) }, offsetLeft: x.offsetLeft ?? 0, offsetTop: x.offsetTop ?? 0 };
}

function plainTouches(list: unknown) {
  const arr = Array.from((list as ArrayLike<Record<string, number>>) ?? []);
  return arr.map((t) => ({ identifier: t.identifier ?? 0, pageX: t.pageX ?? 0, pageY: t.pageY ?? 0, clientX: t.clientX ?? 0, clientY: t.clientY ?? 0, force: 1 }));
}

/** An event as WeChat serialises it for the logic thread. */
function plainEvent(e: Record<string, unknown>) {
  let detail: unknown = {};
  try {
    detail = JSON.parse(JSON.stringify(e.detail ?? {}));
  } catch {
    detail = {};
  }
  return { type: e.type, timeStamp: e.timeStamp, target: plainTarget(e.target), currentTarget: plainTarget(e.currentTarget), detail, touches: plainTouches(e.touches), changedTouches: plainTouches(e.changedTouches), mut: !!e.mut };
}

/** Applies a setData key such as `root.cn.[0].cn.[2].v` to the logic side's this.data, as WeChat does. */
function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split(/\.?\[(\d+)\]\.?|\./).filter((p) => p !== undefined && p !== '');
  let node: Record<string, unknown> = target;
  parts.forEach((part, i) => {
    if (i === parts.length - 1) node[part] = value;
    else {
      if (typeof node[part] !== 'object' || node[part] === null) node[part] = /^\d+$/.test(parts[i + 1]) ? [] : {};
      node = node[part] as Record<string, unknown>;
    }
  });
}

export class MiniProgram {
  readonly realm: AppRealm;
  readonly stack: PageEntry[] = [];
  readonly setDataLog: SetDataRecord[] = [];
  readonly modals: Modal[] = [];
  /** Every wx API call the shim recorded that a test may check (toasts, phone calls, requests…). */
  readonly calls: Array<{ api: string; detail: unknown }> = [];
  readonly screen: Screen;
  readonly manifest: AppManifest;
  private readonly renderer: Renderer;
  private readonly distDir: string;
  private readonly componentInstances = new Map<string, Record<string, unknown>>();
  private modalAnswers: boolean[] = [];
  private inFlight = 0;
  private lastActivity = Date.now();
  private readonly storageItems: Map<string, string>;
  private readonly closeSockets: () => void;

  private constructor(private readonly opts: MiniProgramOptions) {
    this.distDir = opts.distDir ?? DEFAULT_DIST;
    this.manifest = readManifest(this.distDir);
    const { wx, storage, closeSockets } = createWx({
      call: (what, fn) => void this.realm.call(what, fn),
      copyIn: (v) => this.realm.copyIn(v),
      bakedApiBase: opts.bakedApiBase ?? DEFAULT_BAKED_API_BASE,
      serverUrl: opts.serverUrl.replace(/\/+$/, ''),
      fontScale: opts.fontScale ?? 1,
      loginCode: async () => {
        if (!opts.wechat) throw new Error('this simulated phone has no WeChat account');
        return opts.wechat.fake.issueCode(opts.wechat.openid);
      },
      answerModal: (m) => {
        this.modals.push(m);
        return this.modalAnswers.shift() ?? true;
      },
      navigate: (kind, url) => this.navigate(kind, url),
      navigateBack: (delta) => this.navigateBack(delta),
      stopPullDownRefresh: () => undefined,
      setTitle: (title) => {
        const top = this.stack[this.stack.length - 1];
        if (top) top.title = title;
      },
      record: (api, detail) => this.calls.push({ api, detail }),
      track: (work) => {
        this.inFlight += 1;
        const done = () => {
          this.inFlight -= 1;
          this.lastActivity = Date.now();
        };
        work.then(done, done);
      },
    });
    this.storageItems = storage;
    this.closeSockets = closeSockets;
    for (const [key, value] of Object.entries(opts.storage ?? {})) storage.set(key, JSON.stringify(value));
    this.realm = new AppRealm(this.distDir, { wx, getCurrentPages: () => this.pagesForApp() });
    this.renderer = new Renderer(this.distDir, (caller, owner, method, e) => this.dispatch(caller, owner, method, e));
    this.screen = new Screen(this);
  }

  /** Starts the app as WeChat does: app.js, App onLaunch/onShow, then the first page of app.json. */
  static async launch(opts: MiniProgramOptions): Promise<MiniProgram> {
    const mp = new MiniProgram(opts);
    if (!openPrograms.size) process.on('unhandledRejection', onUnhandledRejection);
    openPrograms.add(mp);
    mp.realm.call('app.js', () => mp.realm.load('app'));
    const app = mp.realm.createAppInstance();
    const launch = mp.realm.copyIn({ path: mp.manifest.routes[0], query: {}, scene: 1001, referrerInfo: {} });
    mp.realm.call('App.onLaunch', () => (app.onLaunch as ((o: unknown) => void) | undefined)?.call(app, launch));
    mp.realm.call('App.onShow', () => (app.onShow as ((o: unknown) => void) | undefined)?.call(app, launch));
    await mp.navigate('reLaunch', `/${mp.manifest.routes[0]}`);
    return mp;
  }

  get name(): string {
    return this.opts.name ?? 'mini-program';
  }

  get currentPage(): PageEntry {
    const top = this.stack[this.stack.length - 1];
    if (!top) throw new Error(`${this.name}: no page is open`);
    return top;
  }

  get errors() {
    return this.realm.errors;
  }

  get maxSetDataBytes(): number {
    return this.setDataLog.reduce((m, r) => Math.max(m, r.bytes), 0);
  }

  /** Resolves once no request is in flight and nothing has been rendered for `quietMs`. */
  async idle(quietMs = 150, timeoutMs = 15_000): Promise<void> {
    await this.screen.waitFor('the page to settle', () => this.inFlight === 0 && Date.now() - this.lastActivity >= quietMs, timeoutMs);
  }

  /** The answer the next showModal gets (default: the confirm button). */
  answerNextModal(confirm: boolean): void {
    this.modalAnswers.push(confirm);
  }

  storage(key: string): unknown {
    const json = this.storageItems.get(key);
    return json === undefined ? undefined : JSON.parse(json);
  }

  /** Pulls the current page down, as a finger would when the page enables it. */
  pullDownRefresh(): void {
    const top = this.currentPage;
    const json = this.manifest.pageJson(top.route);
    if (!(json.enablePullDownRefresh ?? this.manifest.window.enablePullDownRefresh)) throw new Error(`${top.route} does not enable pull-down refresh`);
    this.lifecycle(top, 'onPullDownRefresh');
  }

  navigate(kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch', url: string): Promise<void> {
    const from = this.stack[this.stack.length - 1]?.route ?? null;
    const { route, query } = parsePageUrl(url, from);
    if (!this.manifest.routes.includes(route)) return Promise.reject(new Error(`page "${route}" is not found`));
    const isTab = this.manifest.tabRoutes.has(route);
    if (kind === 'switchTab' && !isTab) return Promise.reject(new Error('can not switch to no-tabBar page'));
    if ((kind === 'navigateTo' || kind === 'redirectTo') && isTab) return Promise.reject(new Error('can not navigateTo a tabbar page'));
    if (kind === 'navigateTo' && this.stack.length >= MAX_STACK) return Promise.reject(new Error('webview count limit exceed'));
    if (kind === 'navigateTo') {
      const top = this.stack[this.stack.length - 1];
      if (top) this.lifecycle(top, 'onHide');
    } else if (kind === 'redirectTo') {
      const top = this.stack.pop();
      if (top) this.unload(top);
    } else {
      while (this.stack.length) this.unload(this.stack.pop() as PageEntry);
    }
    try {
      this.open(route, query);
    } catch (err) {
      // As in WeChat: a page whose code fails to load is a script error, and the navigation fails.
      this.realm.record('exception', `${route}: ${(err as Error).stack ?? String(err)}`);
      return Promise.reject(err);
    }
    return Promise.resolve();
  }

  navigateBack(delta: number): Promise<void> {
    if (this.stack.length <= 1) return Promise.reject(new Error('cannot navigate back at first page.'));
    const n = Math.min(Math.max(1, delta), this.stack.length - 1);
    for (let i = 0; i < n; i++) this.unload(this.stack.pop() as PageEntry);
    const top = this.currentPage;
    top.container.hidden = false;
    this.lifecycle(top, 'onShow');
    return Promise.resolve();
  }

  /** Ends the simulation: pages are taken off the screen and every app timer stops. */
  close(): void {
    for (const entry of this.stack.splice(0)) {
      entry.view.detach();
      entry.container.remove();
    }
    this.realm.close();
    this.closeSockets();
    openPrograms.delete(this);
    if (!openPrograms.size) process.off('unhandledRejection', onUnhandledRejection);
  }

  /** getCurrentPages() for the app: an array of its own realm, oldest page first. */
  private pagesForApp(): unknown[] {
    const pages = this.realm.copyIn([] as unknown[]);
    pages.push(...this.stack.map((e) => e.inst));
    return pages;
  }

  private lifecycle(entry: PageEntry, name: Lifecycle, arg?: unknown): void {
    const fn = entry.inst[name];
    if (typeof fn === 'function') this.realm.call(`${entry.route} ${name}`, () => (fn as (a?: unknown) => void).call(entry.inst, arg));
  }

  private unload(entry: PageEntry): void {
    this.lifecycle(entry, 'onUnload');
    entry.view.detach();
    entry.container.remove();
  }

  /** Loads a component's code and view (and the components it uses) once. */
  private ensureComponent(file: string): void {
    if (this.renderer.isRegistered(file)) return;
    this.realm.load(file);
    const options = this.realm.componentOptions.get(file);
    if (!options) throw new Error(`${file}.js did not call Component()`);
    this.ensureUsed(file);
    this.renderer.register(file, functionKeys(options.methods as Options), { properties: options.properties as Options, options: options.options as Options });
    const inst = this.realm.newObject();
    inst.data = this.realm.copyIn(options.data ?? {});
    this.componentInstances.set(file, inst);
  }

  private ensureUsed(file: string): void {
    const json = this.manifest.pageJson(file);
    for (const rel of Object.values((json.usingComponents as Record<string, string>) ?? {})) {
      const target = rel.startsWith('/') ? rel.slice(1) : path.posix.join(path.posix.dirname(file), rel);
      if (target !== file) this.ensureComponent(target);
    }
  }

  private open(route: string, query: Record<string, string>): void {
    this.realm.load(route);
    const options = this.realm.pageOptions.get(route);
    if (!options) throw new Error(`${route}.js did not call Page()`);
    this.ensureUsed(route);
    this.renderer.register(route, functionKeys(options));
    for (const entry of this.stack) entry.container.hidden = true;
    const container = document.createElement('div');
    container.setAttribute('data-route', route);
    document.body.appendChild(container);
    const view = this.renderer.create(route, JSON.parse(JSON.stringify(options.data ?? {})));
    view.attach(container);
    const inst = this.realm.newObject();
    Object.assign(inst, options);
    const title = String(this.manifest.pageJson(route).navigationBarTitleText ?? this.manifest.window.navigationBarTitleText ?? '');
    const entry: PageEntry = { route, query, inst, view, container, title };
    Object.assign(inst, {
      data: this.realm.copyIn(options.data ?? {}),
      route,
      __route__: route,
      options: this.realm.copyIn(query),
      setData: (data: Record<string, unknown>, cb?: () => void) => this.setData(entry, data, cb),
      selectComponent: () => null,
      selectAllComponents: () => this.realm.copyIn([]),
    });
    this.stack.push(entry);
    this.lifecycle(entry, 'onLoad', this.realm.copyIn(query));
    this.lifecycle(entry, 'onShow');
    timers.setTimeout(() => {
      if (this.stack.includes(entry)) this.lifecycle(entry, 'onReady');
    }, 0);
  }

  private setData(entry: PageEntry, data: Record<string, unknown>, cb?: () => void): void {
    const json = JSON.stringify(data);
    this.lastActivity = Date.now();
    this.setDataLog.push({ route: entry.route, bytes: Buffer.byteLength(json, 'utf8') });
    for (const [key, value] of Object.entries(JSON.parse(json) as Record<string, unknown>)) setPath(entry.inst.data as Record<string, unknown>, key, this.realm.copyIn(value));
    try {
      if (this.stack.includes(entry)) entry.view.setData(JSON.parse(json));
    } catch (err) {
      this.realm.record('render', `${entry.route}: ${(err as Error).stack ?? String(err)}`);
    }
    if (typeof cb === 'function') timers.setTimeout(() => this.realm.call(`${entry.route} setData callback`, cb), 0);
  }

  /** An event from the view, delivered to the page (or component) method the template names. */
  private dispatch(caller: object, owner: string, method: string, e: Record<string, unknown>): void {
    const event = this.realm.copyIn(plainEvent(e));
    const page = this.stack.find((p) => p.view.instance === caller);
    const target = page?.inst ?? this.componentInstances.get(owner);
    if (!target) return; // the page has gone (an event that raced its unload)
    const options = page ? target : (this.realm.componentOptions.get(owner)?.methods as Options | undefined);
    const fn = options?.[method];
    if (typeof fn === 'function') this.realm.call(`${owner} ${method}(${String(e.type)})`, () => (fn as (ev: unknown) => void).call(target, event));
  }
}
