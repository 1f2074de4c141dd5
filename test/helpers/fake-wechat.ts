/**
 * A local stand-in for WeChat's HTTP API, for tests and local runs: a real HTTP server on
 * 127.0.0.1 (random port) that answers `GET /sns/jscode2session` the way WeChat does.
 *
 * - `issueCode(openid)` plays the part of `wx.login()` on a phone: it returns a fresh code that
 *   the fake will exchange once for that openid and a new session_key.
 * - Each code is single-use: a second exchange answers `{errcode: 40163, errmsg: "code been used"}`;
 *   an unknown code answers `{errcode: 40029, errmsg: "invalid code"}`.
 * - A wrong appid/secret answers 40013/40125, as WeChat does.
 * - `failNext(45011)` (rate limit) or `failNext(-1)` (system busy) makes the next exchange(s) fail.
 * - `setDelay(ms)` slows every answer, to exercise client timeouts.
 * - Like WeChat, it answers HTTP 200 with `Content-Type: text/plain` and the outcome in errcode.
 *
 * Usage:
 *   const wechat = await startFakeWechat();
 *   // server env: WECHAT_APPID=wechat.appId WECHAT_SECRET=wechat.secret WECHAT_API_BASE=wechat.baseUrl
 *   const code = wechat.issueCode('openid-1');
 *   ...
 *   await wechat.close();
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeWechatOptions {
  appId?: string;
  secret?: string;
}

export interface IssuedCode {
  openid: string;
  sessionKey: string;
  unionid?: string;
  used: boolean;
}

export interface FakeWechat {
  readonly baseUrl: string;
  readonly appId: string;
  readonly secret: string;
  /** Every exchange asked for, in order (codes and outcomes), for assertions. */
  readonly exchanges: Array<{ code: string; errcode: number }>;
  /** A new single-use login code for this openid, as wx.login() would give the mini-program. */
  issueCode(openid: string, opts?: { unionid?: string }): string;
  /** The session_key handed out for a code (to check it never reaches a client). */
  sessionKeyOf(code: string): string | undefined;
  /** Answer the next `times` exchanges with this errcode (45011 rate limit, -1 busy, …). */
  failNext(errcode: number, times?: number): void;
  setDelay(ms: number): void;
  /** Env variables that point the server at this fake. */
  env(): Record<string, string>;
  close(): Promise<void>;
}

const ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40013: 'invalid appid',
  40029: 'invalid code',
  40125: 'invalid appsecret',
  40163: 'code been used',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
};

export async function startFakeWechat(options: FakeWechatOptions = {}): Promise<FakeWechat> {
  const appId = options.appId ?? 'wx-fake-appid';
  const secret = options.secret ?? 'fake-secret';
  const codes = new Map<string, IssuedCode>();
  const failures: number[] = [];
  const exchanges: Array<{ code: string; errcode: number }> = [];
  let delayMs = 0;

  const answerFor = (params: URLSearchParams): Record<string, unknown> => {
    const code = params.get('js_code') ?? '';
    const fail = (errcode: number) => {
      exchanges.push({ code, errcode });
      return { errcode, errmsg: `${ERRMSG[errcode] ?? 'error'}, rid: ${randomBytes(4).toString('hex')}` };
    };
    if (params.get('appid') !== appId) return fail(40013);
    if (params.get('secret') !== secret) return fail(40125);
    if (params.get('grant_type') !== 'authorization_code') return fail(40029);
    if (failures.length > 0) return fail(failures.shift() as number);
    const issued = codes.get(code);
    if (!issued) return fail(40029);
    if (issued.used) return fail(40163);
    issued.used = true;
    exchanges.push({ code, errcode: 0 });
    return { openid: issued.openid, session_key: issued.sessionKey, ...(issued.unionid ? { unionid: issued.unionid } : {}) };
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const respond = () => {
      if (req.method !== 'GET' || url.pathname !== '/sns/jscode2session') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain' }).end(JSON.stringify(answerFor(url.searchParams)));
    };
    if (delayMs > 0) setTimeout(respond, delayMs);
    else respond();
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUrl,
    appId,
    secret,
    exchanges,
    issueCode(openid, opts = {}) {
      const code = randomBytes(16).toString('hex');
      codes.set(code, { openid, sessionKey: randomBytes(16).toString('base64'), unionid: opts.unionid, used: false });
      return code;
    },
    sessionKeyOf: (code) => codes.get(code)?.sessionKey,
    failNext(errcode, times = 1) {
      for (let i = 0; i < times; i++) failures.push(errcode);
    },
    setDelay(ms) {
      delayMs = ms;
    },
    env: () => ({ WECHAT_APPID: appId, WECHAT_SECRET: secret, WECHAT_API_BASE: baseUrl }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
