/**
 * wx.connectSocket for the simulated phone: a real WebSocket (the `ws` package) to the test
 * server, behind the SocketTask WeChat hands out (onOpen/onMessage/onClose/onError, send, close).
 * As in WeChat: at most 5 sockets at once, only to the domain the build was made for, callbacks
 * run asynchronously in the app's realm, and a socket cannot send before it is open.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import timers from 'node:timers';
import type WebSocketType from 'ws';

/** The jsdom test environment resolves `ws` to its browser stub; the Node client is index.js beside package.json. */
const nodeRequire = createRequire(__filename);
const WebSocket = nodeRequire(join(dirname(nodeRequire.resolve('ws/package.json')), 'index.js')) as typeof WebSocketType;

const MAX_SOCKETS = 5;

type Callbacks = { success?: (r: unknown) => void; fail?: (r: unknown) => void; complete?: (r: unknown) => void };
type Args = Callbacks & Record<string, unknown>;
type Listener = (res: unknown) => void;

export interface SocketHost {
  call(what: string, fn: () => void): void;
  copyIn<T>(value: T): T;
  bakedApiBase: string;
  serverUrl: string;
  record(api: string, detail: unknown): void;
}

function reply(host: SocketHost, api: string, opts: Callbacks | undefined, ok: boolean, reason = ''): void {
  const res = host.copyIn({ errMsg: `${api}:${ok ? 'ok' : `fail ${reason}`.trim()}` });
  timers.setTimeout(() => host.call(`${api} callback`, () => {
    (ok ? opts?.success : opts?.fail)?.(res);
    opts?.complete?.(res);
  }), 0);
}

/** ws://baked-host/… → ws://test-server/…; null when the build would not be allowed to call it. */
function resolveWsUrl(host: SocketHost, url: string): string | null {
  const baked = host.bakedApiBase.replace(/^http/, 'ws');
  const real = host.serverUrl.replace(/^http/, 'ws');
  if (url.startsWith(baked)) return real + url.slice(baked.length);
  if (url.startsWith(real)) return url;
  return null;
}

export function socketApi(host: SocketHost) {
  const open = new Set<WebSocketType>();
  /** The phone was put away: nothing reaches the app any more, and it cannot open new sockets. */
  let putAway = false;

  function connectSocket(opts: Args) {
    const listeners: Record<'open' | 'message' | 'close' | 'error', Listener[]> = { open: [], message: [], close: [], error: [] };
    const emit = (kind: keyof typeof listeners, payload: Record<string, unknown>) =>
      timers.setTimeout(() => {
        if (!putAway) host.call(`SocketTask.on${kind}`, () => listeners[kind].forEach((fn) => fn(host.copyIn(payload))));
      }, 0);
    const target = resolveWsUrl(host, String(opts.url));
    host.record('connectSocket', { url: opts.url });
    let ws: WebSocketType | null = null;
    if (putAway) {
      // No callback: the app that asked is gone.
    } else if (!target) reply(host, 'connectSocket', opts, false, `url not in domain list: ${String(opts.url)}`);
    else if (open.size >= MAX_SOCKETS) reply(host, 'connectSocket', opts, false, 'exceed max socket connect count');
    else {
      const socket = new WebSocket(target, (opts.protocols as string[] | undefined) ?? [], { headers: (opts.header as Record<string, string>) ?? {} });
      ws = socket;
      open.add(socket);
      socket.on('open', () => emit('open', { header: {}, profile: {} }));
      socket.on('message', (data, isBinary) => emit('message', { data: isBinary ? new Uint8Array(data as Buffer).buffer : String(data) }));
      socket.on('error', (err) => emit('error', { errMsg: err.message }));
      socket.on('close', (code, reason) => {
        open.delete(socket);
        emit('close', { code, reason: String(reason) });
      });
      reply(host, 'connectSocket', opts, true);
    }
    const on = (kind: keyof typeof listeners) => (fn: Listener) => void listeners[kind].push(fn);
    return {
      onOpen: on('open'),
      onMessage: on('message'),
      onClose: on('close'),
      onError: on('error'),
      send(o: Args) {
        if (!ws || ws.readyState !== WebSocket.OPEN) return reply(host, 'SocketTask.send', o, false, 'SocketTask.readyState is not OPEN');
        ws.send(String(o.data));
        reply(host, 'SocketTask.send', o, true);
      },
      close(o: Args = {}) {
        ws?.close(Number(o.code ?? 1000), String(o.reason ?? ''));
        reply(host, 'SocketTask.close', o, true);
      },
    };
  }

  return {
    connectSocket,
    /** The phone is put away: every socket it opened is closed at once. */
    closeAll(): void {
      putAway = true;
      for (const socket of open) socket.terminate();
      open.clear();
    },
  };
}
