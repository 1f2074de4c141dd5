/**
 * The `wx` object the simulated app sees: a small, documented stand-in for WeChat's APIs (see
 * test/weapp/README.md). Network and sign-in are real: `wx.request` goes over HTTP to the test
 * server, `wx.connectSocket` opens a real WebSocket to it (./socket.ts), `wx.login` gets its code
 * from the fake WeChat HTTP API the server exchanges it with.
 * APIs the app calls that are not here are `undefined`, so using one fails loudly in the tests.
 * Callbacks run asynchronously with values copied into the app's realm, as in WeChat.
 */
import timers from 'node:timers';
import { httpCall } from './http';
import { socketApi } from './socket';

type Callbacks = { success?: (r: unknown) => void; fail?: (r: unknown) => void; complete?: (r: unknown) => void };
type Args = Callbacks & Record<string, unknown>;

export interface Modal {
  title: string;
  content: string;
  confirmText: string;
  cancelText: string;
  showCancel: boolean;
}

/** What the shim needs from the simulated mini-program around it. */
export interface WxHost {
  /** Runs app code with errors recorded; copies a value into the app's realm. */
  call(what: string, fn: () => void): void;
  copyIn<T>(value: T): T;
  /** Absolute URL the build has baked in (config API_BASE_URL) and where the test server really is. */
  bakedApiBase: string;
  serverUrl: string;
  /** WeChat's 字体大小 setting as a scale factor (1 = standard). */
  fontScale: number;
  /** A fresh wx.login code; rejects when WeChat cannot give one. */
  loginCode(): Promise<string>;
  answerModal(modal: Modal): boolean;
  navigate(kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch', url: string): Promise<void>;
  navigateBack(delta: number): Promise<void>;
  stopPullDownRefresh(): void;
  setTitle(title: string): void;
  record(api: string, detail: unknown): void;
  /** Counts a request in flight until it settles (so tests can wait for the network to go quiet). */
  track(work: Promise<unknown>): void;
}

/** Storage as WeChat keeps it: JSON-able values, at most 1 MB per key. */
const MAX_ITEM_BYTES = 1024 * 1024;

function later(host: WxHost, api: string, opts: Callbacks, ok: boolean, result: Record<string, unknown>): void {
  const res = host.copyIn({ errMsg: `${api}:${ok ? 'ok' : `fail ${String(result.reason ?? '')}`.trim()}`, ...result });
  timers.setTimeout(() => {
    host.call(`wx.${api} callback`, () => {
      (ok ? opts.success : opts.fail)?.(res);
      opts.complete?.(res);
    });
  }, 0);
}

function resolveUrl(host: WxHost, url: string): string | null {
  if (url.startsWith(host.bakedApiBase)) return host.serverUrl + url.slice(host.bakedApiBase.length);
  if (url.startsWith(host.serverUrl)) return url;
  return null;
}

function withQuery(url: string, data: unknown): string {
  if (!data || typeof data !== 'object') return url;
  const q = Object.entries(data as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'object' ? JSON.stringify(v) : String(v))}`)
    .join('&');
  return q ? `${url}${url.includes('?') ? '&' : '?'}${q}` : url;
}

function request(host: WxHost, opts: Args) {
  const method = String(opts.method ?? 'GET').toUpperCase();
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries((opts.header as Record<string, unknown>) ?? {})) if (v !== undefined) headers[k.toLowerCase()] = String(v);
  const target = resolveUrl(host, String(opts.url));
  let aborted = false;
  host.record('request', { method, url: opts.url });
  if (!target) {
    later(host, 'request', opts, false, { reason: `url not in domain list: ${String(opts.url)}` });
    return { abort() {} };
  }
  let url = target;
  let body: string | undefined;
  if (method === 'GET' || method === 'DELETE' || method === 'HEAD') url = withQuery(url, opts.data);
  else if (opts.data !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = typeof opts.data === 'string' ? opts.data : JSON.stringify(opts.data);
  }
  const call = httpCall({ url, method, headers, body, timeoutMs: Number(opts.timeout ?? 60_000) });
  host.track(call);
  call.then(
    (res) => {
      if (aborted) return;
      let data: unknown = res.text;
      if ((opts.dataType ?? 'json') === 'json' && res.text) {
        try {
          data = JSON.parse(res.text);
        } catch {
          // WeChat leaves a body that is not JSON as a string.
        }
      }
      later(host, 'request', opts, true, { data, statusCode: res.status, header: res.headers, cookies: [] });
    },
    (err: Error) => {
      if (!aborted) later(host, 'request', opts, false, { reason: err.message });
    },
  );
  return {
    abort() {
      aborted = true;
      later(host, 'request', opts, false, { reason: 'abort' });
    },
    onHeadersReceived() {},
    offHeadersReceived() {},
  };
}

function deviceInfo(host: WxHost) {
  const window = { pixelRatio: 3, screenWidth: 390, screenHeight: 844, windowWidth: 390, windowHeight: 753, statusBarHeight: 47, screenTop: 91 };
  const safeArea = { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 };
  const device = { brand: 'iPhone', model: 'iPhone 13', system: 'iOS 17.5', platform: 'ios', benchmarkLevel: 1 };
  const base = {
    SDKVersion: '3.7.12',
    version: '8.0.54',
    language: 'zh_CN',
    theme: 'light',
    enableDebug: false,
    // iOS reports the setting in px (17 = standard); fontSizeScaleFactor is the same as a factor.
    fontSizeSetting: Math.round(17 * host.fontScale),
    fontSizeScaleFactor: host.fontScale,
  };
  return { window: { ...window, safeArea }, device, base };
}

function storage(host: WxHost) {
  const items = new Map<string, string>();
  const api = {
    setStorageSync(key: string, value: unknown) {
      const json = JSON.stringify(value === undefined ? null : value);
      if (json.length > MAX_ITEM_BYTES) throw new Error('setStorageSync:fail exceed storage item max length');
      items.set(String(key), json);
    },
    getStorageSync(key: string) {
      const json = items.get(String(key));
      return json === undefined ? '' : host.copyIn(JSON.parse(json));
    },
    removeStorageSync(key: string) {
      items.delete(String(key));
    },
    clearStorageSync() {
      items.clear();
    },
    getStorageInfoSync() {
      return host.copyIn({ keys: [...items.keys()], currentSize: Math.ceil([...items.values()].join('').length / 1024), limitSize: 10240 });
    },
    setStorage(opts: Args) {
      try {
        api.setStorageSync(String(opts.key), opts.data);
        later(host, 'setStorage', opts, true, {});
      } catch (e) {
        later(host, 'setStorage', opts, false, { reason: (e as Error).message });
      }
    },
    getStorage(opts: Args) {
      const key = String(opts.key);
      if (!items.has(key)) later(host, 'getStorage', opts, false, { reason: 'data not found' });
      else later(host, 'getStorage', opts, true, { data: JSON.parse(items.get(key) as string) });
    },
    removeStorage(opts: Args) {
      items.delete(String(opts.key));
      later(host, 'removeStorage', opts, true, {});
    },
  };
  return { api, items };
}

function settle(host: WxHost, api: string, opts: Args, work: Promise<unknown>) {
  work.then(
    (result) => later(host, api, opts, true, (result as Record<string, unknown>) ?? {}),
    (err: Error) => later(host, api, opts, false, { reason: err.message }),
  );
}

export function createWx(host: WxHost) {
  const info = deviceInfo(host);
  const store = storage(host);
  const sockets = socketApi(host);
  const feedback = (api: string) => (opts: Args) => {
    host.record(api, { ...opts, success: undefined, fail: undefined, complete: undefined });
    later(host, api, opts, true, {});
  };
  const wx: Record<string, unknown> = {
    request: (opts: Args) => request(host, opts),
    connectSocket: (opts: Args) => sockets.connectSocket(opts),
    login: (opts: Args = {}) => settle(host, 'login', opts, host.loginCode().then((code) => ({ code }))),
    checkSession: (opts: Args = {}) => later(host, 'checkSession', opts, true, {}),
    ...store.api,
    navigateTo: (opts: Args) => settle(host, 'navigateTo', opts, host.navigate('navigateTo', String(opts.url))),
    redirectTo: (opts: Args) => settle(host, 'redirectTo', opts, host.navigate('redirectTo', String(opts.url))),
    switchTab: (opts: Args) => settle(host, 'switchTab', opts, host.navigate('switchTab', String(opts.url))),
    reLaunch: (opts: Args) => settle(host, 'reLaunch', opts, host.navigate('reLaunch', String(opts.url))),
    navigateBack: (opts: Args = {}) => settle(host, 'navigateBack', opts, host.navigateBack(Number(opts.delta ?? 1))),
    showModal(opts: Args) {
      const modal: Modal = {
        title: String(opts.title ?? ''),
        content: String(opts.content ?? ''),
        confirmText: String(opts.confirmText ?? '确定'),
        cancelText: String(opts.cancelText ?? '取消'),
        showCancel: opts.showCancel !== false,
      };
      host.record('showModal', modal);
      const confirm = host.answerModal(modal);
      later(host, 'showModal', opts, true, { confirm, cancel: !confirm });
    },
    showToast: feedback('showToast'),
    hideToast: feedback('hideToast'),
    showLoading: feedback('showLoading'),
    hideLoading: feedback('hideLoading'),
    makePhoneCall: feedback('makePhoneCall'),
    vibrateShort: feedback('vibrateShort'),
    pageScrollTo: feedback('pageScrollTo'),
    startPullDownRefresh: feedback('startPullDownRefresh'),
    stopPullDownRefresh(opts: Args = {}) {
      host.stopPullDownRefresh();
      later(host, 'stopPullDownRefresh', opts, true, {});
    },
    setNavigationBarTitle(opts: Args) {
      host.setTitle(String(opts.title ?? ''));
      later(host, 'setNavigationBarTitle', opts, true, {});
    },
    getSystemInfoSync: () => host.copyIn({ ...info.window, ...info.device, ...info.base }),
    getSystemInfo: (opts: Args = {}) => later(host, 'getSystemInfo', opts, true, { ...info.window, ...info.device, ...info.base }),
    getWindowInfo: () => host.copyIn(info.window),
    getDeviceInfo: () => host.copyIn(info.device),
    getAppBaseInfo: () => host.copyIn(info.base),
    getLaunchOptionsSync: () => host.copyIn({ path: '', scene: 1001, query: {}, referrerInfo: {} }),
    getEnterOptionsSync: () => host.copyIn({ path: '', scene: 1001, query: {}, referrerInfo: {} }),
    getAccountInfoSync: () => host.copyIn({ miniProgram: { appId: 'wx-sim', envVersion: 'develop', version: '' } }),
    canIUse: () => true,
    nextTick: (fn: () => void) => Promise.resolve().then(() => host.call('wx.nextTick', fn)),
    onAppShow() {},
    offAppShow() {},
    onAppHide() {},
    offAppHide() {},
    onError() {},
    onUnhandledRejection() {},
    onMemoryWarning() {},
    onNetworkStatusChange() {},
    getNetworkType: (opts: Args = {}) => later(host, 'getNetworkType', opts, true, { networkType: 'wifi' }),
    getUpdateManager: () => ({ onCheckForUpdate() {}, onUpdateReady() {}, onUpdateFailed() {}, applyUpdate() {} }),
    reportAnalytics() {},
  };
  return { wx, storage: store.items, closeSockets: sockets.closeAll };
}
