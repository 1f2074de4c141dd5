/** SQL of 我的消息, the acceptances people gave, and the outbox summary. */
import type { NotificationTemplate } from '@domain/notifications';
import type { Queryable } from '../../db';

export interface MessageRow {
  id: string;
  title: string;
  body: string;
  bookingId: string | null;
  createdAt: Date;
  readAt: Date | null;
}

/** Newest first; `before` continues after the last message of the previous page. */
export async function listMessages(q: Queryable, userId: string, limit: number, before: { at: string; id: string } | null): Promise<MessageRow[]> {
  const r = await q.query<MessageRow>(
    `select id, title, body, booking_id as "bookingId", created_at as "createdAt", read_at as "readAt"
       from notifications
      where recipient_id = $1 and ($2::timestamptz is null or (created_at, id) < ($2::timestamptz, $3::uuid))
      order by created_at desc, id desc
      limit $4`,
    [userId, before?.at ?? null, before?.id ?? null, limit],
  );
  return r.rows;
}

export async function countUnread(q: Queryable, userId: string): Promise<number> {
  const r = await q.query<{ n: number }>('select count(*)::int as n from notifications where recipient_id = $1 and read_at is null', [userId]);
  return r.rows[0].n;
}

/** Marks one of this person's messages read (already read: unchanged); false when it is not theirs. */
export async function markRead(q: Queryable, userId: string, id: string, at: Date): Promise<boolean> {
  const r = await q.query(
    `update notifications set read_at = coalesce(read_at, $3::timestamptz) where id = $1 and recipient_id = $2 returning id`,
    [id, userId, at.toISOString()],
  );
  return r.rowCount > 0;
}

export interface SubscriptionRow {
  template: NotificationTemplate;
  remaining: number;
  lastAnswer: 'accept' | 'reject' | 'ban' | null;
}

export async function subscriptionsOf(q: Queryable, userId: string): Promise<SubscriptionRow[]> {
  const r = await q.query<SubscriptionRow>(
    `select template, remaining, last_answer as "lastAnswer" from notification_subscriptions where user_id = $1`,
    [userId],
  );
  return r.rows;
}

/** One answer to WeChat's subscribe dialog: an acceptance adds one message; a refusal is remembered. */
export async function recordAnswer(q: Queryable, userId: string, template: NotificationTemplate, answer: 'accept' | 'reject' | 'ban', at: Date): Promise<void> {
  await q.query(
    `insert into notification_subscriptions (user_id, template, remaining, last_answer, answered_at)
     values ($1, $2, case when $3 = 'accept' then 1 else 0 end, $3, $4::timestamptz)
     on conflict (user_id, template) do update
       set remaining = least(notification_subscriptions.remaining + case when $3 = 'accept' then 1 else 0 end, 1000),
           last_answer = $3, answered_at = $4::timestamptz`,
    [userId, template, answer, at.toISOString()],
  );
}

export interface OutboxCounts {
  messages: number;
  deliveries: Array<{ channel: 'wechat' | 'sms'; state: string; count: number }>;
  remindersPlanned: number;
}

export async function outboxCounts(q: Queryable): Promise<OutboxCounts> {
  const messages = await q.query<{ n: number }>('select count(*)::int as n from notifications');
  const deliveries = await q.query<{ channel: 'wechat' | 'sms'; state: string; count: number }>(
    'select channel, state, count(*)::int as count from notification_deliveries group by channel, state order by channel, state',
  );
  const reminders = await q.query<{ n: number }>(`select count(*)::int as n from visit_reminders where state = 'planned'`);
  return { messages: messages.rows[0].n, deliveries: deliveries.rows, remindersPlanned: reminders.rows[0].n };
}
