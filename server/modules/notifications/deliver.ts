/**
 * One claimed delivery: the call to its channel (outside any transaction, so a slow WeChat holds
 * no connection), then its outcome recorded in a transaction of its own. A failure never touches
 * the visit (ARCHITECTURE principle 6): it is retried with back-off, then the next channel is tried.
 */
import type { Clock } from '@domain';
import type { Db, Queryable } from '../../db';
import type { Claimed } from './claim';
import * as repo from './delivery-repository';
import type { SmsOutcome, SmsProvider } from './sms';
import type { WechatMessenger, WechatOutcome } from './wechat-messenger';
import { smsText } from './wording';

export interface DeliverDeps {
  db: Db;
  clock: Clock;
  wechat: WechatMessenger | null;
  sms: SmsProvider;
  templateIds: Record<repo.DueDelivery['template'], string>;
  maxAttempts: number;
}

/** 30 s, 2 min, 8 min, 32 min, then hourly. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 4 ** Math.max(attempts - 1, 0), 3_600_000);
}

/** The page a WeChat message opens: 我的消息, at this message. */
export const messagePage = (notificationId: string) => `messages/pages/list/index?id=${notificationId}`;

type Outcome = { channel: 'wechat'; result: WechatOutcome } | { channel: 'sms'; result: SmsOutcome };

async function call(deps: DeliverDeps, c: Claimed): Promise<Outcome> {
  const d = c.delivery;
  if (d.channel === 'sms') return { channel: 'sms', result: await deps.sms.send({ idempotencyId: d.id, phone: d.phone ?? '', text: smsText(d.title, d.body) }) };
  if (!deps.wechat || !d.openid) return { channel: 'wechat', result: { kind: 'failed', error: 'WeChat is not configured' } };
  const result = await deps.wechat.send({ openid: d.openid, templateId: deps.templateIds[d.template], page: messagePage(d.notificationId), data: d.fields });
  return { channel: 'wechat', result };
}

/** Only a call that surely did not deliver gives its acceptance back. */
async function giveBack(tx: Queryable, c: Claimed): Promise<void> {
  if (c.creditTaken && !c.uncertain) await repo.giveAcceptanceBack(tx, c.delivery.recipientId, c.delivery.template);
}

async function recordWechat(tx: Queryable, c: Claimed, r: WechatOutcome, deps: DeliverDeps, now: Date): Promise<void> {
  const d = c.delivery;
  const held = c.leaseUntil;
  const exhausted = d.attempts + 1 >= deps.maxAttempts;
  const retryAt = new Date(now.getTime() + backoffMs(d.attempts + 1));
  if (r.kind === 'sent' || (r.kind === 'not_subscribed' && c.uncertain)) {
    // After an interrupted call, WeChat having no acceptance left means that call delivered it.
    const note = r.kind === 'sent' ? null : 'delivered by the interrupted call (WeChat: no acceptance left)';
    if (await repo.settle(tx, d.id, { state: 'sent', now, providerRef: r.kind === 'sent' ? r.msgid : null, lastError: note }, held)) {
      await repo.closeNextChannel(tx, d.notificationId, now);
    }
    return;
  }
  if (c.uncertain || r.kind === 'uncertain') {
    // It may have been delivered: never passed on, resent only while that stays provably safe.
    const state = exhausted || r.kind === 'failed' ? 'unknown' : 'pending';
    const error = r.kind === 'uncertain' || r.kind === 'retry_later' || r.kind === 'failed' ? r.error : null;
    const recorded = await repo.settle(tx, d.id, { state, now, lastError: error, uncertain: true, nextAttemptAt: state === 'pending' ? retryAt : undefined }, held);
    if (recorded && state === 'unknown') await repo.closeNextChannel(tx, d.notificationId, now, 'wechat_unknown');
    return;
  }
  const settled: repo.Settlement =
    r.kind === 'not_subscribed'
      ? { state: 'skipped', skipReason: 'not_subscribed', now, creditTaken: false }
      : r.kind === 'retry_later' && !exhausted
        ? { state: 'pending', now, lastError: r.error, creditTaken: false, nextAttemptAt: retryAt }
        : { state: 'failed', now, lastError: r.error, creditTaken: false };
  if (!(await repo.settle(tx, d.id, settled, held))) return;
  // WeChat's "no acceptance left" is the truth about the ledger; any other refusal gives it back.
  if (r.kind === 'not_subscribed') await repo.clearAcceptances(tx, d.recipientId, d.template);
  else await giveBack(tx, c);
  if (settled.state !== 'pending') await repo.openNextChannel(tx, d.notificationId, now);
}

async function recordSms(tx: Queryable, c: Claimed, r: SmsOutcome, deps: DeliverDeps, now: Date): Promise<void> {
  const d = c.delivery;
  if (r.kind === 'sent') {
    await repo.settle(tx, d.id, { state: 'sent', now, providerRef: r.ref }, c.leaseUntil);
    return;
  }
  const again = r.kind === 'retry_later' && d.attempts + 1 < deps.maxAttempts;
  const next = again ? new Date(now.getTime() + backoffMs(d.attempts + 1)) : undefined;
  await repo.settle(tx, d.id, { state: again ? 'pending' : 'failed', now, lastError: r.error, nextAttemptAt: next }, c.leaseUntil);
}

/** Calls the channel and records what it answered. A throw here leaves the lease to run out. */
export async function deliverClaimed(deps: DeliverDeps, c: Claimed): Promise<WechatOutcome['kind'] | SmsOutcome['kind']> {
  const outcome = await call(deps, c);
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    if (outcome.channel === 'wechat') await recordWechat(tx, c, outcome.result, deps, now);
    else await recordSms(tx, c, outcome.result, deps, now);
  });
  return outcome.result.kind;
}
