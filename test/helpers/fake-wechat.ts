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

class FakeWechatServer implements FakeWechat {
  readonly exchanges: Array<{ code: string; errcode: number }> = [];
  baseUrl = '';
  private readonly codes = new Map<string, IssuedCode>();
  private readonly failures: number[] = [];
  private delayMs = 0;
  private readonly server = createServer((req, res) => this.handle(req, res));

  constructor(
    readonly appId: string,
    readonly secret: string,
  ) {}

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  issueCode(openid: string, opts: { unionid?: string } = {}): string {
    const code = randomBytes(16).toString('hex');
    this.codes.set(code, { openid, sessionKey: randomBytes(16).toString('base64'), unionid: opts.unionid, used: false });
    return code;
  }

  sessionKeyOf(code: string): string | undefined {
    return this.codes.get(code)?.sessionKey;
  }

  failNext(errcode: number, times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push(errcode);
  }

  setDelay(ms: number): void {
    this.delayMs = ms;
  }

  env(): Record<string, string> {
    return { WECHAT_APPID: this.appId, WECHAT_SECRET: this.secret, WECHAT_API_BASE: this.baseUrl };
  }

  close(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.server.closeAllConnections();
      this.server.close((err) => (err ? reject(err) : resolve()));
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const respond = () => {
      if (req.method !== 'GET' || url.pathname !== '/sns/jscode2session') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain' }).end(JSON.stringify(this.exchange(url.searchParams)));
    };
    if (this.delayMs > 0) setTimeout(respond, this.delayMs);
    else respond();
  }

  /** The answer WeChat would give, in the order WeChat checks things. */
  private exchange(params: URLSearchParams): Record<string, unknown> {
    const code = params.get('js_code') ?? '';
    const fail = (errcode: number) => {
      this.exchanges.push({ code, errcode });
      return { errcode, errmsg: `${ERRMSG[errcode] ?? 'error'}, rid: ${randomBytes(4).toString('hex')}` };
    };
    if (params.get('appid') !== this.appId) return fail(40013);
    if (params.get('secret') !== this.secret) return fail(40125);
    if (params.get('grant_type') !== 'authorization_code') return fail(40029);
    const forced = this.failures.shift();
    if (forced !== undefined) return fail(forced);
    const issued = this.codes.get(code);
    if (!issued) return fail(40029);
    if (issued.used) return fail(40163);
    issued.used = true;
    this.exchanges.push({ code, errcode: 0 });
    return { openid: issued.openid, session_key: issued.sessionKey, ...(issued.unionid ? { unionid: issued.unionid } : {}) };
  }
}

/** Starts a fake WeChat API on 127.0.0.1 with a random port. Close it in afterAll. */
export async function startFakeWechat(options: FakeWechatOptions = {}): Promise<FakeWechat> {
  const fake = new FakeWechatServer(options.appId ?? 'wx-fake-appid', options.secret ?? 'fake-secret');
  await fake.listen();
  return fake;
}
