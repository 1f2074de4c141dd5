/**
 * The notification workers of one instance: every NOTIFY_POLL_MS they fire due reminders into the
 * outbox and deliver due messages. Any number of instances run them against one database; rows
 * are claimed with FOR UPDATE SKIP LOCKED, so no two take the same delivery.
 */
import type { Clock } from '@domain';
import type { AppConfig } from '../../config';
import type { Db } from '../../db';
import { claimDue } from './claim';
import { deliverClaimed, type DeliverDeps } from './deliver';
import { fireDueReminders } from './reminders';
import { smsProviderFor, type SmsProvider } from './sms';
import { createWechatMessenger, type WechatMessenger } from './wechat-messenger';

/** Calls one worker makes at the same time (WeChat allows bursts; the database stays calm). */
const PARALLEL_CALLS = 8;

export interface NotificationDeps extends DeliverDeps {
  leaseSeconds: number;
  batchSize: number;
}

export interface RoundResult {
  reminders: number;
  /** Deliveries called this round. */
  claimed: number;
  /** Deliveries settled without a call (no WeChat, no phone, no acceptance…). */
  settled: number;
}

/** What the process needs from outside; tests pass their own WeChat and SMS. */
export function notificationDeps(config: AppConfig, db: Db, clock: Clock, channels: { wechat?: WechatMessenger | null; sms?: SmsProvider } = {}): NotificationDeps {
  const n = config.notifications;
  const wechat = channels.wechat !== undefined ? channels.wechat : config.wechat ? createWechatMessenger(config.wechat) : null;
  return {
    db,
    clock,
    wechat,
    sms: channels.sms ?? smsProviderFor(n.sms),
    templateIds: n.templates,
    maxAttempts: n.maxAttempts,
    leaseSeconds: n.leaseSeconds,
    batchSize: n.batchSize,
  };
}

async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(lanes);
}

/** One round: reminders that fell due, then one batch of deliveries. */
export async function runNotificationRound(deps: NotificationDeps, onError?: (err: unknown) => void): Promise<RoundResult> {
  const reminders = await fireDueReminders(deps.db, deps.clock);
  const { claimed, settled } = await claimDue(deps.db, deps.clock, { leaseSeconds: deps.leaseSeconds, batchSize: deps.batchSize, wechat: deps.wechat !== null });
  await inParallel(claimed, PARALLEL_CALLS, (c) =>
    // One delivery's trouble is its own: its lease runs out and it is tried again.
    deliverClaimed(deps, c).catch((err: unknown) => onError?.(err)),
  );
  return { reminders, claimed: claimed.length, settled };
}

const busyRound = (r: RoundResult) => r.claimed + r.settled + r.reminders > 0;

/** Rounds until nothing is due (tests); returns the calls made. */
export async function drainNotifications(deps: NotificationDeps, maxRounds = 100): Promise<number> {
  let total = 0;
  for (let i = 0; i < maxRounds; i++) {
    const r = await runNotificationRound(deps);
    total += r.claimed;
    if (!busyRound(r)) break;
  }
  return total;
}

export interface WorkerLog {
  error(obj: object, msg: string): void;
}

export interface RunningWorkers {
  stop(): Promise<void>;
}

/** Starts the loop (pollMs 0: not at all). stop() waits for the round under way. */
export function startNotificationWorkers(deps: NotificationDeps, pollMs: number, log: WorkerLog): RunningWorkers {
  if (pollMs <= 0) return { stop: async () => undefined };
  let stopped = false;
  let current: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  const report = (err: unknown) => log.error({ err }, 'notification delivery failed; it will be tried again');
  const tick = () => {
    current = runNotificationRound(deps, report)
      // Work found: look again at once (an SMS may be waiting behind a skipped WeChat message).
      .then((r) => (busyRound(r) ? 0 : pollMs))
      .catch((err: unknown) => {
        report(err);
        return pollMs;
      })
      .then((wait) => {
        if (!stopped) timer = setTimeout(tick, wait);
      });
  };
  timer = setTimeout(tick, pollMs);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
