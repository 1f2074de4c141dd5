/** Reading the outbox in tests: the messages a person got, and how each channel stands. */
import type { Db } from '../../server/db';

export interface StoredMessage {
  id: string;
  recipientId: string;
  recipientRole: string;
  kind: string;
  title: string;
  body: string;
  source: string;
}

/** Messages about a visit, oldest first (optionally one person's). */
export async function messagesAbout(db: Db, bookingId: string, recipientId?: string): Promise<StoredMessage[]> {
  const r = await db.query<StoredMessage>(
    `select id, recipient_id as "recipientId", recipient_role as "recipientRole", kind, title, body, source
       from notifications where booking_id = $1 and ($2::uuid is null or recipient_id = $2::uuid)
      order by created_at, source, recipient_role, id`,
    [bookingId, recipientId ?? null],
  );
  return r.rows;
}

/** [kind, role] pairs of a visit's messages to these people, in order (for readable assertions). */
export async function kindsFor(db: Db, bookingId: string, recipientId: string): Promise<string[]> {
  return (await messagesAbout(db, bookingId, recipientId)).map((m) => m.kind);
}

export interface DeliveryRow {
  notificationId: string;
  channel: 'wechat' | 'sms';
  state: string;
  attempts: number;
  skipReason: string | null;
  lastError: string | null;
  uncertain: boolean;
}

export async function deliveriesOf(db: Db, notificationId: string): Promise<Record<'wechat' | 'sms', DeliveryRow>> {
  const r = await db.query<DeliveryRow>(
    `select notification_id as "notificationId", channel, state, attempts, skip_reason as "skipReason", last_error as "lastError", uncertain
       from notification_deliveries where notification_id = $1`,
    [notificationId],
  );
  const by = Object.fromEntries(r.rows.map((d) => [d.channel, d]));
  return by as Record<'wechat' | 'sms', DeliveryRow>;
}

/** Gives people a phone and a WeChat openid, as sign-in and the profile would. */
export async function reachable(db: Db, userId: string, opts: { phone?: string | null; openid?: string | null }): Promise<void> {
  await db.query('update users set phone = $2, wechat_openid = $3 where id = $1', [userId, opts.phone ?? null, opts.openid ?? null]);
}
