/**
 * 我的消息 and the WeChat subscriptions, for every kind of account (elders, family, staff): each
 * person reads only their own messages. The answers of WeChat's subscribe dialog are kept per
 * person and template: an acceptance allows one message, a refusal stops the app asking again.
 */
import { DomainError, type Clock } from '@domain';
import {
  NOTIFICATION_TEMPLATES,
  TEMPLATE_TITLES,
  TEMPLATES_FOR_ROLE,
  type DeliverySummary,
  type Message,
  type MessagePage,
  type MessagesQuery,
  type NotificationTemplate,
  type SubscriptionAnswersBody,
  type Subscriptions,
  type UnreadCount,
} from '@domain/schemas-notifications';
import type { Db } from '../../db';
import type { AuthUser } from '../../types';
import * as repo from './messages-repository';

/** Still to be tried: due or under way, or waiting behind a channel that is. */
const OPEN_STATES = new Set(['pending', 'sending', 'waiting']);

function toMessage(row: repo.MessageRow): Message {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    bookingId: row.bookingId,
    createdAt: new Date(row.createdAt).toISOString(),
    read: row.readAt !== null,
  };
}

function parseCursor(cursor: string | undefined): { at: string; id: string } | null {
  if (!cursor) return null;
  const cut = cursor.lastIndexOf('_');
  const at = cursor.slice(0, cut);
  if (Number.isNaN(Date.parse(at))) throw new DomainError('VALIDATION_FAILED', { field: 'before' });
  return { at, id: cursor.slice(cut + 1) };
}

export class MessageCentre {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    /** Our template → WeChat's id; null while WeChat is not configured. */
    private readonly templateIds: Record<NotificationTemplate, string> | null,
  ) {}

  async list(user: AuthUser, query: MessagesQuery): Promise<MessagePage> {
    const limit = query.limit ?? 20;
    return this.db.transaction(async (tx) => {
      const rows = await repo.listMessages(tx, user.id, limit + 1, parseCursor(query.before));
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map(toMessage),
        unread: await repo.countUnread(tx, user.id),
        nextCursor: rows.length > limit && last ? `${new Date(last.createdAt).toISOString()}_${last.id}` : null,
      };
    });
  }

  async unread(user: AuthUser): Promise<UnreadCount> {
    return { unread: await repo.countUnread(this.db, user.id) };
  }

  /** Someone else's message is NOT_FOUND, as if it did not exist. */
  async markRead(user: AuthUser, id: string): Promise<UnreadCount> {
    return this.db.transaction(async (tx) => {
      if (!(await repo.markRead(tx, user.id, id, this.clock.now()))) throw new DomainError('NOT_FOUND');
      return { unread: await repo.countUnread(tx, user.id) };
    });
  }

  async subscriptions(user: AuthUser): Promise<Subscriptions> {
    const rows = new Map((await repo.subscriptionsOf(this.db, user.id)).map((r) => [r.template, r]));
    const ids = this.templateIds;
    return {
      wechat: ids !== null,
      templates: ids
        ? TEMPLATES_FOR_ROLE[user.role].map((template) => {
            const row = rows.get(template);
            const lastAnswer = row?.lastAnswer ?? null;
            return { template, templateId: ids[template], title: TEMPLATE_TITLES[template], remaining: row?.remaining ?? 0, lastAnswer, askable: lastAnswer !== 'reject' && lastAnswer !== 'ban' };
          })
        : [],
    };
  }

  /** The answers of one subscribe dialog ('filter': WeChat did not show that template; nothing to keep). */
  async answer(user: AuthUser, body: SubscriptionAnswersBody): Promise<Subscriptions> {
    const ids = this.templateIds;
    const byId = new Map(ids ? NOTIFICATION_TEMPLATES.map((t) => [ids[t], t] as const) : []);
    const unknown = body.answers.filter((a) => !byId.has(a.templateId)).map((a) => a.templateId);
    if (unknown.length > 0) throw new DomainError('VALIDATION_FAILED', { templateIds: unknown });
    await this.db.transaction(async (tx) => {
      const now = this.clock.now();
      for (const a of body.answers) {
        if (a.answer !== 'filter') await repo.recordAnswer(tx, user.id, byId.get(a.templateId) as NotificationTemplate, a.answer, now);
      }
    });
    return this.subscriptions(user);
  }

  async summary(): Promise<DeliverySummary> {
    const c = await repo.outboxCounts(this.db);
    const deliveries = c.deliveries.map((d) => ({ ...d, state: d.state as DeliverySummary['deliveries'][number]['state'] }));
    return { ...c, deliveries, open: deliveries.filter((d) => OPEN_STATES.has(d.state)).reduce((n, d) => n + d.count, 0) };
  }
}
