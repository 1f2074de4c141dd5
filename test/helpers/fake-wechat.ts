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
 * Subscribe messages (the notification channel):
 * - `GET /cgi-bin/token` hands out an access token (`expires_in` from `setTokenTtl`, 7200 s by
 *   default); a wrong appid/secret answers 40013/40125. `expireTokens()` makes every token handed
 *   out so far answer 42001 (expired), as after WeChat's two hours.
 * - `POST /cgi-bin/message/subscribe/send?access_token=…` checks the token (unknown 40001, expired
 *   42001, malformed 40014) and then WeChat's rule: one acceptance of a template allows one
 *   message. `accept(openid, templateId, times)` plays the person tapping 允许 in the dialog; a
 *   send without an acceptance left answers 43101. Each delivered message is in `messages`.
 * - `failNextSend(errcode, times)` answers the next sends with that errcode (45009, 45011, -1,
 *   40001…), before any acceptance is used. `setSendDelay(ms)` slows the send answers (the
 *   message is recorded first, as WeChat would deliver it before the answer reaches us), and
 *   `onSendDelivered(hook)` runs right after a message was delivered, before it is answered.
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
import { SubscribeMessages, type DeliveredMessage, type SendAttempt } from './fake-wechat-messages';

export type { DeliveredMessage, SendAttempt };

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
  /** Every access token request, with its outcome. */
  readonly tokenRequests: Array<{ errcode: number }>;
  /** Every subscribe-message send, with WeChat's errcode (0: delivered). */
  readonly sendAttempts: SendAttempt[];
  /** The messages WeChat delivered to people, in order. */
  readonly messages: DeliveredMessage[];
  /** The person tapped 允许 for this template `times` times (one message each). */
  accept(openid: string, templateId: string, times?: number): void;
  /** Acceptances this person has left for this template. */
  acceptancesLeft(openid: string, templateId: string): number;
  setTokenTtl(seconds: number): void;
  /** Every token handed out so far is now expired (42001). */
  expireTokens(): void;
  failNextSend(errcode: number, times?: number): void;
  setSendDelay(ms: number): void;
  /** Runs after a message is delivered and before WeChat's answer is sent (null: none). */
  onSendDelivered(hook: ((m: DeliveredMessage) => void) | null): void;
  /** Env variables that point the server at this fake. */
  env(): Record<string, string>;
  close(): Promise<void>;
}

const ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40003: 'invalid openid',
  40013: 'invalid appid',
  40014: 'invalid access_token',
  42001: 'access_token expired',
  43101: 'user refuse to accept the msg',
  45009: 'reach max api daily quota limit',
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
  private readonly subscribe: SubscribeMessages;

  constructor(
    readonly appId: string,
    readonly secret: string,
  ) {
    this.subscribe = new SubscribeMessages(appId, secret);
  }

  get tokenRequests() {
    return this.subscribe.tokenRequests;
  }
  get sendAttempts() {
    return this.subscribe.sendAttempts;
  }
  get messages() {
    return this.subscribe.messages;
  }
  accept(openid: string, templateId: string, times = 1): void {
    this.subscribe.accept(openid, templateId, times);
  }
  acceptancesLeft(openid: string, templateId: string): number {
    return this.subscribe.left(openid, templateId);
  }
  setTokenTtl(seconds: number): void {
    this.subscribe.tokenTtl = seconds;
  }
  expireTokens(): void {
    this.subscribe.expireAll();
  }
  failNextSend(errcode: number, times = 1): void {
    for (let i = 0; i < times; i++) this.subscribe.sendFailures.push(errcode);
  }
  setSendDelay(ms: number): void {
    this.subscribe.sendDelayMs = ms;
  }
  onSendDelivered(hook: ((m: DeliveredMessage) => void) | null): void {
    this.subscribe.hook = hook;
  }

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
    const answer = (body: unknown) => res.writeHead(200, { 'content-type': 'text/plain' }).end(JSON.stringify(body));
    if (req.method === 'POST' && url.pathname === '/cgi-bin/message/subscribe/send') {
      this.handleSend(req, url, answer);
      return;
    }
    const respond = () => {
      if (req.method === 'GET' && url.pathname === '/cgi-bin/token') answer(this.subscribe.token(url.searchParams));
      else if (req.method === 'GET' && url.pathname === '/sns/jscode2session') answer(this.exchange(url.searchParams));
      else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    };
    if (this.delayMs > 0) setTimeout(respond, this.delayMs);
    else respond();
  }

  /** Delivers (or refuses) at once, then answers after the send delay: the answer may never arrive. */
  private handleSend(req: IncomingMessage, url: URL, answer: (body: unknown) => void): void {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      let body: Parameters<SubscribeMessages['send']>[1] = {};
      try {
        body = JSON.parse(raw);
      } catch {
        // An empty or broken body is refused below like any send without a person.
      }
      const { errcode, message } = this.subscribe.send(url.searchParams.get('access_token') ?? '', body);
      if (message) this.subscribe.hook?.(message);
      const reply = errcode
        ? { errcode, errmsg: `${ERRMSG[errcode] ?? 'error'} rid: ${randomBytes(4).toString('hex')}` }
        : { errcode: 0, errmsg: 'ok', msgid: message?.msgid };
      if (this.subscribe.sendDelayMs > 0) setTimeout(() => answer(reply), this.subscribe.sendDelayMs);
      else answer(reply);
    });
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
