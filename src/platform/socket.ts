import Taro from '@tarojs/taro';
import type { OpenSocket } from '@/api/live-socket';
import { API_BASE, IS_H5 } from './env';

/**
 * The live channel's socket over Taro.connectSocket (wx.connectSocket in WeChat, the browser's
 * WebSocket in H5), and whether the app is in the foreground. WeChat closes sockets of an app in
 * the background anyway; we close ours first and reconnect when the person comes back.
 */

/** ws(s)://… of GET /api/live: from the baked API base, or (H5, same origin) from the page's own. */
export function liveUrl(): string {
  const base = API_BASE || (typeof location !== 'undefined' ? location.origin : '');
  return `${base.replace(/\/+$/, '').replace(/^http/, 'ws')}/api/live`;
}

type Task = Taro.SocketTask;

/** Never throws: a socket that cannot be opened reports onClose, and the channel tries again later. */
export const openTaroSocket: OpenSocket = (url, handlers) => {
  let task: Task | null = null;
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    try {
      task?.close({});
    } catch {
      // Already closed.
    }
  };
  const failed = () => {
    if (!closed) handlers.onClose();
    closed = true;
  };
  Promise.resolve()
    .then(() => Taro.connectSocket({ url }))
    .then((t: Task) => {
      task = t;
      if (closed) return void t.close({});
      t.onOpen(() => handlers.onOpen());
      t.onMessage((res) => handlers.onMessage(typeof res.data === 'string' ? res.data : ''));
      t.onClose(() => failed());
      t.onError(() => failed());
    })
    .catch(failed);
  return {
    send(text) {
      // WeChat answers through callbacks, the H5 task with a promise: a failed send is a dead socket,
      // which the heartbeat notices, so neither may throw here.
      const sent = task?.send({ data: text, fail: () => undefined }) as unknown;
      if (sent instanceof Promise) sent.catch(() => undefined);
    },
    close,
  };
};

/** Calls back with true/false as the app comes to the foreground or leaves it. */
export function watchForeground(listener: (foreground: boolean) => void): () => void {
  if (IS_H5 && typeof document !== 'undefined') {
    const handler = () => listener(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', handler);
    return () => document.removeEventListener('visibilitychange', handler);
  }
  const shown = () => listener(true);
  const hidden = () => listener(false);
  try {
    Taro.onAppShow(shown);
    Taro.onAppHide(hidden);
  } catch {
    return () => undefined;
  }
  return () => {
    try {
      Taro.offAppShow(shown);
      Taro.offAppHide(hidden);
    } catch {
      // Older base library without off*: harmless.
    }
  };
}
