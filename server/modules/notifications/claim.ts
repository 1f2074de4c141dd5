/**
 * The claim: in one short transaction a worker locks due deliveries (FOR UPDATE SKIP LOCKED, so
 * any number of instances can run) and, for each, either settles it without calling anyone (no
 * WeChat, no phone, no acceptance left) or marks it `sending` under a lease, taking one of the
 * person's WeChat acceptances for it. That row is committed before any call is made: a crash
 * during the call leaves a durable record that the call may have happened.
 */
import type { Clock } from '@domain';
import { transactionWithRetry, type Db, type Queryable } from '../../db';
import * as repo from './delivery-repository';

export interface Claimed {
  delivery: repo.DueDelivery;
  /** The lease this worker holds: its outcome is recorded only while it still holds it. */
  leaseUntil: Date;
  /** An earlier call may have reached WeChat: "no acceptance left" then means it did. */
  uncertain: boolean;
  /** One of the person's WeChat acceptances is held for this message. */
  creditTaken: boolean;
}

export interface ClaimOptions {
  leaseSeconds: number;
  batchSize: number;
  /** false: WeChat is not configured, its deliveries are skipped. */
  wechat: boolean;
}

type Decision = { take: true; creditTaken: boolean; uncertain: boolean } | { take: false; settled: boolean };

async function skip(tx: Queryable, d: repo.DueDelivery, reason: repo.SkipReason, now: Date, nextChannel: boolean): Promise<Decision> {
  await repo.settle(tx, d.id, { state: 'skipped', skipReason: reason, now });
  if (nextChannel) await repo.openNextChannel(tx, d.notificationId, now);
  return { take: false, settled: true };
}

async function decideWechat(tx: Queryable, d: repo.DueDelivery, now: Date, wechat: boolean): Promise<Decision> {
  if (!wechat) return skip(tx, d, 'wechat_off', now, true);
  if (!d.openid) return skip(tx, d, 'no_wechat', now, true);
  // A worker died holding it, or the last call timed out: WeChat may already have delivered it.
  const uncertain = d.uncertain || d.state === 'sending';
  if (uncertain) {
    // Only a resend whose "no acceptance left" can mean nothing but "the earlier call delivered it"
    // is safe: with acceptances left, WeChat would deliver it again. Then it is never resent.
    if ((await repo.acceptancesLeft(tx, d.recipientId, d.template)) > 0) {
      await repo.settle(tx, d.id, { state: 'unknown', now, uncertain: true, lastError: 'outcome unknown after an interrupted call; not resent, to never deliver twice' });
      await repo.closeNextChannel(tx, d.notificationId, now, 'wechat_unknown');
      return { take: false, settled: true };
    }
    return { take: true, creditTaken: d.creditTaken, uncertain: true };
  }
  if (!(await repo.takeAcceptance(tx, d.recipientId, d.template))) return skip(tx, d, 'no_acceptance', now, true);
  return { take: true, creditTaken: true, uncertain: false };
}

async function decide(tx: Queryable, d: repo.DueDelivery, now: Date, opts: ClaimOptions, busy: Set<string>): Promise<Decision> {
  if (d.channel === 'sms') {
    if (!d.phone) return skip(tx, d, 'no_phone', now, false);
    return { take: true, creditTaken: false, uncertain: false };
  }
  // One WeChat message per person and template in flight: a second one in this batch waits.
  const key = `${d.recipientId}:${d.template}`;
  if (busy.has(key)) return { take: false, settled: false };
  const decision = await decideWechat(tx, d, now, opts.wechat);
  if (decision.take) busy.add(key);
  return decision;
}

export interface ClaimResult {
  /** Taken for a call, under this worker's lease. */
  claimed: Claimed[];
  /** Settled without a call (skipped, or unknown and not resent). */
  settled: number;
}

/** Claims up to batchSize deliveries for this worker. */
export async function claimDue(db: Db, clock: Clock, opts: ClaimOptions): Promise<ClaimResult> {
  // A lost race for the one-in-flight slot (two instances, one person) is a unique violation: run again.
  return transactionWithRetry(db, async (tx) => {
    const now = clock.now();
    const leaseUntil = new Date(now.getTime() + opts.leaseSeconds * 1000);
    const claimed: Claimed[] = [];
    let settled = 0;
    const busy = new Set<string>();
    for (const d of await repo.lockDue(tx, now, opts.batchSize)) {
      const decision = await decide(tx, d, now, opts, busy);
      if (decision.take) {
        await repo.markSending(tx, d.id, { now, leaseUntil, creditTaken: decision.creditTaken, uncertain: decision.uncertain });
        claimed.push({ delivery: d, leaseUntil, uncertain: decision.uncertain, creditTaken: decision.creditTaken });
      } else if (decision.settled) {
        settled += 1;
      }
    }
    return { claimed, settled };
  });
}
