/**
 * A small client for WeChat's code-to-session exchange (jscode2session). The base URL is
 * configurable so tests and local runs talk to a fake (test/helpers/fake-wechat.ts) over real HTTP.
 * WeChat answers HTTP 200 even for failures; the outcome is in errcode.
 */
import { DomainError } from '@domain';

export interface WechatSession {
  openid: string;
  /** Secret between WeChat and us: stored server-side, never sent to any client. */
  sessionKey: string;
  unionid?: string;
}

export interface WechatClient {
  code2Session(code: string): Promise<WechatSession>;
}

export interface WechatClientOptions {
  appId: string;
  secret: string;
  apiBase: string;
  timeoutMs: number;
}

interface Code2SessionAnswer {
  openid?: string;
  session_key?: string;
  unionid?: string;
  errcode?: number;
  errmsg?: string;
}

/** WeChat's documented errcodes for jscode2session, mapped to what we tell the person. */
function refusalFor(errcode: number): DomainError {
  if (errcode === 40029) return new DomainError('WECHAT_CODE_INVALID', { errcode });
  if (errcode === 40163) return new DomainError('WECHAT_CODE_USED', { errcode });
  // 45011 rate limit, -1 system busy and anything unexpected: try again later.
  return new DomainError('WECHAT_UNAVAILABLE', { errcode });
}

export function createWechatClient(opts: WechatClientOptions): WechatClient {
  return {
    async code2Session(code) {
      const url = new URL(`${opts.apiBase.replace(/\/+$/, '')}/sns/jscode2session`);
      url.search = new URLSearchParams({
        appid: opts.appId,
        secret: opts.secret,
        js_code: code,
        grant_type: 'authorization_code',
      }).toString();
      let answer: Code2SessionAnswer;
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(opts.timeoutMs) });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        answer = (await res.json()) as Code2SessionAnswer;
      } catch (err) {
        // Network failure, timeout or a non-JSON answer: WeChat is unreachable, not the code wrong.
        throw new DomainError('WECHAT_UNAVAILABLE', { cause: err instanceof Error ? err.message : String(err) });
      }
      if (answer.errcode) throw refusalFor(answer.errcode);
      if (!answer.openid || !answer.session_key) throw new DomainError('WECHAT_UNAVAILABLE', { reason: 'incomplete answer' });
      return { openid: answer.openid, sessionKey: answer.session_key, unionid: answer.unionid };
    },
  };
}
