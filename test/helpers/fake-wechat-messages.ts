/**
 * WeChat's side of subscribe messages, for the fake WeChat (fake-wechat.ts): access tokens, the
 * acceptances people gave (one acceptance of a template allows one message), and the messages
 * delivered, with the errcodes WeChat answers.
 */
import { randomBytes } from 'node:crypto';

export interface DeliveredMessage {
  openid: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
  msgid: number;
}

export interface SendAttempt {
  openid: string;
  templateId: string;
  errcode: number;
}

const ERRMSG: Record<number, string> = {
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40003: 'invalid openid',
  40013: 'invalid appid',
  40014: 'invalid access_token',
  40125: 'invalid appsecret',
  42001: 'access_token expired',
  43101: 'user refuse to accept the msg',
};

/** WeChat's side of subscribe messages: tokens, acceptances, deliveries. */
export class SubscribeMessages {
  readonly tokenRequests: Array<{ errcode: number }> = [];
  readonly sendAttempts: SendAttempt[] = [];
  readonly messages: DeliveredMessage[] = [];
  tokenTtl = 7200;
  sendDelayMs = 0;
  hook: ((m: DeliveredMessage) => void) | null = null;
  readonly sendFailures: number[] = [];
  private readonly tokens = new Map<string, { expired: boolean }>();
  private readonly acceptances = new Map<string, number>();

  constructor(
    private readonly appId: string,
    private readonly secret: string,
  ) {}

  accept(openid: string, templateId: string, times: number): void {
    const key = `${openid} ${templateId}`;
    this.acceptances.set(key, (this.acceptances.get(key) ?? 0) + times);
  }

  left(openid: string, templateId: string): number {
    return this.acceptances.get(`${openid} ${templateId}`) ?? 0;
  }

  expireAll(): void {
    for (const t of this.tokens.values()) t.expired = true;
  }

  token(params: URLSearchParams): Record<string, unknown> {
    const errcode =
      params.get('appid') !== this.appId ? 40013 : params.get('secret') !== this.secret ? 40125 : params.get('grant_type') !== 'client_credential' ? 40002 : 0;
    this.tokenRequests.push({ errcode });
    if (errcode) return { errcode, errmsg: ERRMSG[errcode] ?? 'error' };
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, { expired: false });
    return { access_token: token, expires_in: this.tokenTtl };
  }

  /** The answer to one send, in WeChat's order: the token, forced failures, then the acceptance. */
  send(token: string, body: { touser?: string; template_id?: string; page?: string; data?: DeliveredMessage['data'] }): { errcode: number; message?: DeliveredMessage } {
    const attempt = (errcode: number) => {
      this.sendAttempts.push({ openid: body.touser ?? '', templateId: body.template_id ?? '', errcode });
      return { errcode };
    };
    if (!/^[A-Za-z0-9_-]{16,}$/.test(token)) return attempt(40014);
    const known = this.tokens.get(token);
    if (!known) return attempt(40001);
    if (known.expired) return attempt(42001);
    const forced = this.sendFailures.shift();
    if (forced !== undefined) return attempt(forced);
    if (!body.touser) return attempt(40003);
    const key = `${body.touser} ${body.template_id ?? ''}`;
    const left = this.acceptances.get(key) ?? 0;
    if (left <= 0) return attempt(43101);
    this.acceptances.set(key, left - 1);
    const message = { openid: body.touser, templateId: body.template_id ?? '', page: body.page ?? '', data: body.data ?? {}, msgid: 1_000_000 + this.messages.length };
    this.messages.push(message);
    return { ...attempt(0), message };
  }
}
