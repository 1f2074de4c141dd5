/** SQL of the delivering side: claiming due deliveries, the acceptances ledger, and each outcome. */
import type { NotificationTemplate } from '@domain/notifications';
import type { Queryable } from '../../db';

export type Channel = 'wechat' | 'sms';
export type SkipReason = 'no_wechat' | 'wechat_off' | 'no_acceptance' | 'not_subscribed' | 'no_phone' | 'delivered_elsewhere' | 'wechat_unknown';

export interface DueDelivery {
  id: string;
  notificationId: string;
  recipientId: string;
  template: NotificationTemplate;
  channel: Channel;
  state: 'pending' | 'sending';
  attempts: number;
  creditTaken: boolean;
  uncertain: boolean;
  title: string;
  body: string;
  fields: Record<string, string>;
  openid: string | null;
  phone: string | null;
}

/**
 * Due deliveries and those whose worker's lease ran out, locked for this transaction; rows other
 * workers hold are skipped. A WeChat message waits while another to the same person and template
 * is on its way (the database allows one).
 */
export async function lockDue(q: Queryable, now: Date, limit: number): Promise<DueDelivery[]> {
  const r = await q.query<DueDelivery>(
    `select d.id, d.notification_id as "notificationId", d.recipient_id as "recipientId", d.template, d.channel, d.state,
            d.attempts, d.credit_taken as "creditTaken", d.uncertain, n.title, n.body, n.fields,
            u.wechat_openid as openid, u.phone
       from notification_deliveries d
       join notifications n on n.id = d.notification_id
       join users u on u.id = d.recipient_id
      where ((d.state = 'pending' and d.next_attempt_at <= $1::timestamptz) or (d.state = 'sending' and d.lease_until <= $1::timestamptz))
        and (d.channel = 'sms' or d.state = 'sending' or d.uncertain or not exists (
              select 1 from notification_deliveries x
               where x.channel = 'wechat' and x.recipient_id = d.recipient_id and x.template = d.template and x.id <> d.id
                 and (x.state = 'sending' or (x.state = 'pending' and x.uncertain))))
      order by coalesce(d.next_attempt_at, d.lease_until), d.id
      limit ${Math.floor(limit)}
      for update of d skip locked`,
    [now.toISOString()],
  );
  return r.rows;
}

/** Takes one of the person's acceptances of this template; false when none is left. */
export async function takeAcceptance(q: Queryable, userId: string, template: NotificationTemplate): Promise<boolean> {
  const r = await q.query(
    `update notification_subscriptions set remaining = remaining - 1 where user_id = $1 and template = $2 and remaining > 0 returning remaining`,
    [userId, template],
  );
  return r.rowCount > 0;
}

export async function giveAcceptanceBack(q: Queryable, userId: string, template: NotificationTemplate): Promise<void> {
  await q.query(`update notification_subscriptions set remaining = least(remaining + 1, 1000) where user_id = $1 and template = $2`, [userId, template]);
}

/** WeChat said none is left: believe it. */
export async function clearAcceptances(q: Queryable, userId: string, template: NotificationTemplate): Promise<void> {
  await q.query(`update notification_subscriptions set remaining = 0 where user_id = $1 and template = $2`, [userId, template]);
}

export async function acceptancesLeft(q: Queryable, userId: string, template: NotificationTemplate): Promise<number> {
  const r = await q.query<{ remaining: number }>(`select remaining from notification_subscriptions where user_id = $1 and template = $2`, [userId, template]);
  return r.rows[0]?.remaining ?? 0;
}

/** The worker holds the row until `leaseUntil`: written (and committed) before any call. */
export async function markSending(q: Queryable, id: string, p: { now: Date; leaseUntil: Date; creditTaken: boolean; uncertain: boolean }): Promise<void> {
  await q.query(
    `update notification_deliveries
        set state = 'sending', attempts = attempts + 1, lease_until = $2::timestamptz, next_attempt_at = null,
            credit_taken = $3, uncertain = $4, updated_at = $5::timestamptz
      where id = $1`,
    [id, p.leaseUntil.toISOString(), p.creditTaken, p.uncertain, p.now.toISOString()],
  );
}

export interface Settlement {
  state: 'pending' | 'sent' | 'failed' | 'skipped' | 'unknown';
  now: Date;
  nextAttemptAt?: Date;
  skipReason?: SkipReason;
  lastError?: string | null;
  providerRef?: string | null;
  creditTaken?: boolean;
  uncertain?: boolean;
}

/**
 * Records an outcome. With `heldUntil`, only while this worker still holds the row (its lease
 * did not run out and nobody took it over); false otherwise.
 */
export async function settle(q: Queryable, id: string, s: Settlement, heldUntil?: Date): Promise<boolean> {
  const r = await q.query(
    `update notification_deliveries
        set state = $2, next_attempt_at = $3::timestamptz, lease_until = null, skip_reason = $4,
            last_error = coalesce($5, last_error), provider_ref = coalesce($6, provider_ref),
            sent_at = case when $2 = 'sent' then $7::timestamptz end,
            credit_taken = coalesce($8, credit_taken), uncertain = coalesce($9, uncertain), updated_at = $7::timestamptz
      where id = $1 and ($10::timestamptz is null or (state = 'sending' and lease_until = $10::timestamptz))`,
    [id, s.state, s.nextAttemptAt?.toISOString() ?? null, s.skipReason ?? null, s.lastError?.slice(0, 300) ?? null, s.providerRef ?? null,
      s.now.toISOString(), s.creditTaken ?? null, s.uncertain ?? null, heldUntil?.toISOString() ?? null],
  );
  return r.rowCount > 0;
}

/** The next channel of this message gets its turn (WeChat could not deliver it). */
export async function openNextChannel(q: Queryable, notificationId: string, now: Date): Promise<void> {
  await q.query(
    `update notification_deliveries set state = 'pending', next_attempt_at = $2::timestamptz, updated_at = $2::timestamptz
      where notification_id = $1 and channel = 'sms' and state = 'waiting'`,
    [notificationId, now.toISOString()],
  );
}

/**
 * WeChat delivered it, so the SMS is not needed; or WeChat may have delivered it
 * ('wechat_unknown'), and an SMS could make it twice.
 */
export async function closeNextChannel(q: Queryable, notificationId: string, now: Date, reason: 'delivered_elsewhere' | 'wechat_unknown' = 'delivered_elsewhere'): Promise<void> {
  await q.query(
    `update notification_deliveries set state = 'skipped', skip_reason = $3, updated_at = $2::timestamptz
      where notification_id = $1 and channel = 'sms' and state = 'waiting'`,
    [notificationId, now.toISOString(), reason],
  );
}
