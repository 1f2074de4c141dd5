/** SQL of the outbox's writing side: what a change needs to know, and the messages it leaves. */
import type { Gender } from '@domain';
import type { NotificationTemplate } from '@domain/notifications';
import type { Queryable } from '../../db';
import type { NotificationKind, ReaderRole } from './wording';

export interface EventRef {
  seq: number;
  action: string;
  actorId: string | null;
  staffId: string | null;
}

/** The visit's latest event (the change being written) and the one before it. */
export async function latestEvents(q: Queryable, bookingId: string): Promise<{ current: EventRef | null; previous: EventRef | null }> {
  const r = await q.query<EventRef>(
    `select seq, action, actor_id as "actorId", staff_id as "staffId" from visit_events
      where booking_id = $1 order by seq desc limit 2`,
    [bookingId],
  );
  return { current: r.rows[0] ?? null, previous: r.rows[1] ?? null };
}

export interface PeopleOfVisit {
  elderName: string;
  staffName: string | null;
  staffGender: Gender | null;
}

export async function peopleOfVisit(q: Queryable, elderId: string, staffId: string | null): Promise<PeopleOfVisit> {
  const r = await q.query<PeopleOfVisit>(
    `select e.name as "elderName", s.name as "staffName", p.gender as "staffGender"
       from users e left join users s on s.id = $2::uuid left join staff_profiles p on p.user_id = $2::uuid
      where e.id = $1`,
    [elderId, staffId],
  );
  return r.rows[0] ?? { elderName: '', staffName: null, staffGender: null };
}

export interface NewNotification {
  recipientId: string;
  recipientRole: ReaderRole;
  kind: NotificationKind;
  template: NotificationTemplate;
  title: string;
  body: string;
  fields: Record<string, string>;
}

/**
 * Writes the messages of one cause (`source`) and, for each, its deliveries: WeChat due now, SMS
 * waiting behind it. A cause already written for a person is left as it is (the database refuses
 * the duplicate), so replaying a cause cannot send anything twice.
 */
export async function insertNotifications(q: Queryable, source: string, bookingId: string | null, rows: readonly NewNotification[], at: Date): Promise<number> {
  if (rows.length === 0) return 0;
  const col = <K extends keyof NewNotification>(k: K) => rows.map((r) => r[k]);
  const r = await q.query<{ n: number }>(
    `with n as (
       insert into notifications (recipient_id, recipient_role, booking_id, kind, template, title, body, fields, source, created_at)
       select t.recipient, t.role, $9::uuid, t.kind, t.template, t.title, t.body, t.fields::jsonb, $8, $10::timestamptz
         from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
              as t(recipient, role, kind, template, title, body, fields)
       on conflict (source, recipient_id) do nothing
       returning id, recipient_id, template
     ), d as (
       insert into notification_deliveries (notification_id, recipient_id, template, channel, state, next_attempt_at, created_at, updated_at)
       select n.id, n.recipient_id, n.template, c.channel, c.state,
              case when c.state = 'pending' then $10::timestamptz end, $10::timestamptz, $10::timestamptz
         from n cross join (values ('wechat', 'pending'), ('sms', 'waiting')) as c(channel, state)
       returning 1
     )
     select count(*)::int as n from n`,
    [col('recipientId'), col('recipientRole'), col('kind'), col('template'), col('title'), col('body'),
      rows.map((x) => JSON.stringify(x.fields)), source, bookingId, at.toISOString()],
  );
  return r.rows[0]?.n ?? 0;
}
