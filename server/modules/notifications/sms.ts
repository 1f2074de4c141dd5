/**
 * SMS, the channel of last resort (no WeChat, or WeChat could not deliver). A provider takes one
 * text with an idempotency id that is the same on every attempt of one delivery: a provider that
 * honours it delivers once however often it is called, which is what makes a resend after a
 * crash safe. Here only a recording driver exists (never a real gateway): it keeps the texts in
 * memory and, when given a recorder URL, posts them there the way a gateway would be called.
 */
import type { SmsConfig } from './config';

export interface SmsMessage {
  /** The delivery's id: the same for every attempt of one message to one person. */
  idempotencyId: string;
  phone: string;
  text: string;
}

export type SmsOutcome =
  | { kind: 'sent'; ref: string }
  /** Not now (the provider is busy or could not be reached): the same id is sent again later. */
  | { kind: 'retry_later'; error: string }
  /** Refused for good (a number the provider will not take). */
  | { kind: 'failed'; error: string };

export interface SmsProvider {
  send(message: SmsMessage): Promise<SmsOutcome>;
}

export interface RecordingSmsProvider extends SmsProvider {
  /** What was handed over, once per idempotency id, in order. */
  readonly sent: SmsMessage[];
}

async function postToRecorder(url: string, timeoutMs: number, m: SmsMessage): Promise<SmsOutcome> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': m.idempotencyId },
      body: JSON.stringify({ id: m.idempotencyId, phone: m.phone, text: m.text }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const answer = (await res.json().catch(() => ({}))) as { ref?: string; error?: string };
    if (res.ok) return { kind: 'sent', ref: answer.ref ?? m.idempotencyId };
    const error = `recorder HTTP ${res.status}: ${answer.error ?? ''}`.slice(0, 300);
    return res.status >= 500 || res.status === 429 ? { kind: 'retry_later', error } : { kind: 'failed', error };
  } catch (err) {
    // The same id goes again later; the recorder, like a provider honouring the id, keeps one.
    return { kind: 'retry_later', error: `recorder: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** The recording driver keeps the latest texts only: a long-running process must not grow without end. */
const KEEP = 500;

export function createRecordingSms(config: Pick<SmsConfig, 'recorderUrl' | 'timeoutMs'>): RecordingSmsProvider {
  const sent: SmsMessage[] = [];
  return {
    sent,
    async send(m) {
      const outcome = config.recorderUrl ? await postToRecorder(config.recorderUrl, config.timeoutMs, m) : { kind: 'sent' as const, ref: m.idempotencyId };
      if (outcome.kind === 'sent' && !sent.some((x) => x.idempotencyId === m.idempotencyId)) {
        sent.push(m);
        if (sent.length > KEEP) sent.shift();
      }
      return outcome;
    },
  };
}

export function smsProviderFor(config: SmsConfig): SmsProvider {
  // 'record' is the only driver: a real gateway plugs in here behind the same interface.
  return createRecordingSms(config);
}
