/**
 * WeChat subscribe messages: `POST /cgi-bin/message/subscribe/send` with an access token from
 * `GET /cgi-bin/token`, cached for the whole instance until shortly before it expires (one fetch
 * at a time, however many deliveries wait for it). WeChat answers HTTP 200 with the outcome in
 * errcode; each answer is turned into what the worker does next.
 */

export interface WechatMessengerOptions {
  appId: string;
  secret: string;
  apiBase: string;
  timeoutMs: number;
  /** Milliseconds since the epoch (the cache's clock). */
  now?: () => number;
}

export interface SubscribeMessage {
  openid: string;
  templateId: string;
  /** The mini-program page the message opens. */
  page: string;
  data: Record<string, string>;
}

export type WechatOutcome =
  | { kind: 'sent'; msgid: string }
  /** 43101: the person has no acceptance left for this template (or never gave one). */
  | { kind: 'not_subscribed' }
  /** Rate limit (45009, 45011), busy (-1), a token WeChat would not give: try again later. */
  | { kind: 'retry_later'; error: string }
  /** The call may or may not have reached WeChat (timeout, connection lost mid-call). */
  | { kind: 'uncertain'; error: string }
  /** Any other errcode: this message cannot be sent this way. */
  | { kind: 'failed'; error: string };

export interface WechatMessenger {
  send(message: SubscribeMessage): Promise<WechatOutcome>;
}

interface WechatAnswer {
  errcode?: number;
  errmsg?: string;
  access_token?: string;
  expires_in?: number;
  msgid?: number | string;
}

/** Token refused as invalid or expired: fetch a new one and try once more. */
const TOKEN_ERRCODES = new Set([40001, 42001, 40014]);
const LATER_ERRCODES = new Set([-1, 45009, 45011]);
/** Refresh this long before WeChat says the token expires. */
const TOKEN_MARGIN_MS = 5 * 60_000;

class TokenUnavailable extends Error {}

export function createWechatMessenger(opts: WechatMessengerOptions): WechatMessenger {
  const base = opts.apiBase.replace(/\/+$/, '');
  const now = opts.now ?? Date.now;
  let cached: { token: string; refreshAt: number } | null = null;
  let inFlight: Promise<string> | null = null;

  async function fetchToken(): Promise<string> {
    const url = `${base}/cgi-bin/token?${new URLSearchParams({ grant_type: 'client_credential', appid: opts.appId, secret: opts.secret })}`;
    let answer: WechatAnswer;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(opts.timeoutMs) });
      answer = (await res.json()) as WechatAnswer;
    } catch (err) {
      throw new TokenUnavailable(`token: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!answer.access_token) throw new TokenUnavailable(`token: errcode ${answer.errcode ?? '?'} ${answer.errmsg ?? ''}`.trim());
    const ttlMs = (answer.expires_in ?? 7200) * 1000;
    cached = { token: answer.access_token, refreshAt: now() + Math.max(ttlMs - TOKEN_MARGIN_MS, ttlMs / 2) };
    return answer.access_token;
  }

  function token(): Promise<string> {
    if (cached && now() < cached.refreshAt) return Promise.resolve(cached.token);
    inFlight ??= fetchToken().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  async function post(accessToken: string, m: SubscribeMessage): Promise<WechatAnswer> {
    const res = await fetch(`${base}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(accessToken)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        touser: m.openid,
        template_id: m.templateId,
        page: m.page,
        data: Object.fromEntries(Object.entries(m.data).map(([k, v]) => [k, { value: v }])),
        miniprogram_state: 'formal',
        lang: 'zh_CN',
      }),
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
    return (await res.json()) as WechatAnswer;
  }

  return {
    async send(m) {
      for (let attempt = 1; ; attempt++) {
        let accessToken: string;
        try {
          accessToken = await token();
        } catch (err) {
          return { kind: 'retry_later', error: (err as Error).message };
        }
        let answer: WechatAnswer;
        try {
          answer = await post(accessToken, m);
        } catch (err) {
          return { kind: 'uncertain', error: `send: ${err instanceof Error ? err.message : String(err)}` };
        }
        const code = answer.errcode ?? 0;
        if (code === 0) return { kind: 'sent', msgid: String(answer.msgid ?? '') };
        if (TOKEN_ERRCODES.has(code)) {
          // The token we hold is no good: forget it (unless someone already replaced it) and refresh once.
          if (cached?.token === accessToken) cached = null;
          if (attempt === 1) continue;
          return { kind: 'retry_later', error: `errcode ${code}: ${answer.errmsg ?? ''}` };
        }
        if (code === 43101) return { kind: 'not_subscribed' };
        const error = `errcode ${code}: ${answer.errmsg ?? ''}`.slice(0, 300);
        return LATER_ERRCODES.has(code) ? { kind: 'retry_later', error } : { kind: 'failed', error };
      }
    },
  };
}
