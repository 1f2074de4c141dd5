import { makeAutoObservable, runInAction } from 'mobx';
import { MAX_TEMPLATES_PER_REQUEST, type SubscribeAnswer } from '@domain/notifications';
import type { Message, SubscriptionView, Subscriptions } from '@domain/schemas-notifications';
import { messageOf } from '@/api/api-error';
import type { MessagesApi } from '@/api/messages-api';
import type { LoadState } from './load-state';

/** Shows WeChat's subscribe dialog (from a tap) and resolves with the answer per template id. */
export type SubscribePort = (templateIds: readonly string[]) => Promise<Record<string, SubscribeAnswer>>;

/**
 * 我的消息: the person's messages (newest first, more on request), the unread count shown on 我的,
 * and the WeChat messages they allowed. The dialog asks only for templates the person has not
 * refused; asking again after a refusal happens only from the tap in 消息设置.
 */
export class MessagesStore {
  items: Message[] = [];
  unread = 0;
  nextCursor: string | null = null;
  state: LoadState = 'idle';
  error: string | null = null;
  loadingMore = false;
  subscriptions: Subscriptions | null = null;
  /** What the last dialog changed, said once on the page ("已开启…"). */
  subscribeNote: string | null = null;

  constructor(
    private readonly api: MessagesApi,
    private readonly subscribe: SubscribePort,
  ) {
    makeAutoObservable<MessagesStore, 'api' | 'subscribe'>(this, { api: false, subscribe: false }, { autoBind: true });
  }

  reset(): void {
    this.items = [];
    this.unread = 0;
    this.nextCursor = null;
    this.state = 'idle';
    this.error = null;
    this.subscriptions = null;
    this.subscribeNote = null;
  }

  async load(): Promise<void> {
    if (this.state !== 'ready') this.state = 'loading';
    this.error = null;
    try {
      const page = await this.api.messages();
      runInAction(() => {
        this.items = page.items;
        this.unread = page.unread;
        this.nextCursor = page.nextCursor;
        this.state = 'ready';
      });
    } catch (err) {
      runInAction(() => {
        this.state = 'error';
        this.error = messageOf(err);
      });
    }
  }

  async loadMore(): Promise<void> {
    if (!this.nextCursor || this.loadingMore) return;
    this.loadingMore = true;
    try {
      const page = await this.api.messages(this.nextCursor);
      runInAction(() => {
        const known = new Set(this.items.map((m) => m.id));
        this.items = [...this.items, ...page.items.filter((m) => !known.has(m.id))];
        this.unread = page.unread;
        this.nextCursor = page.nextCursor;
      });
    } catch (err) {
      runInAction(() => (this.error = messageOf(err)));
    } finally {
      runInAction(() => (this.loadingMore = false));
    }
  }

  /** For the entry on 我的: a failure keeps the last count (the entry still works). */
  async refreshUnread(): Promise<void> {
    try {
      const { unread } = await this.api.unreadMessages();
      runInAction(() => (this.unread = unread));
    } catch {
      // The number is a hint; the page itself says when it cannot load.
    }
  }

  /** Marks a message read as soon as it is opened; the server's count wins. */
  async markRead(id: string): Promise<void> {
    const message = this.items.find((m) => m.id === id);
    if (!message || message.read) return;
    message.read = true;
    this.unread = Math.max(0, this.unread - 1);
    try {
      const { unread } = await this.api.readMessage(id);
      runInAction(() => (this.unread = unread));
    } catch {
      runInAction(() => {
        message.read = false;
        this.unread += 1;
      });
    }
  }

  async loadSubscriptions(): Promise<void> {
    try {
      const subs = await this.api.subscriptions();
      runInAction(() => (this.subscriptions = subs));
    } catch {
      // Without them the app simply does not ask; nothing else depends on it.
    }
  }

  /** Templates the person refused: asked again only from the tap in 消息设置. */
  get refused(): SubscriptionView[] {
    return this.subscriptions?.templates.filter((t) => !t.askable) ?? [];
  }

  get canAsk(): boolean {
    return Boolean(this.subscriptions?.wechat && this.subscriptions.templates.length > 0);
  }

  /**
   * The visit page may offer 开启微信提醒 once: WeChat is on, the person has not refused the
   * status template, and no acceptance is left to tell them of the next change. Never after a refusal.
   */
  get offerOnVisit(): boolean {
    const status = this.subscriptions?.templates.find((t) => t.template === 'visit_status');
    return this.canAsk && !!status && status.askable && status.remaining === 0;
  }

  /**
   * At booking confirmation: asks for the templates not refused. Call synchronously in the tap
   * handler (the dialog is shown before the first await); resolves once the answers are kept.
   */
  askAtBooking(): Promise<void> {
    const ids = (this.subscriptions?.templates ?? []).filter((t) => t.askable).map((t) => t.templateId);
    return this.ask(ids);
  }

  /** From the tap in 消息设置: every template of the person's role, refused ones included. */
  askAgain(): Promise<void> {
    return this.ask((this.subscriptions?.templates ?? []).map((t) => t.templateId));
  }

  private ask(templateIds: string[]): Promise<void> {
    const ids = templateIds.slice(0, MAX_TEMPLATES_PER_REQUEST);
    if (!this.subscriptions?.wechat || ids.length === 0) return Promise.resolve();
    return this.subscribe(ids).then((answers) => this.report(answers));
  }

  private async report(answers: Record<string, SubscribeAnswer>): Promise<void> {
    const list = Object.entries(answers).map(([templateId, answer]) => ({ templateId, answer }));
    if (list.length === 0) return;
    try {
      const subs = await this.api.answerSubscriptions(list);
      const accepted = list.filter((a) => a.answer === 'accept').length;
      runInAction(() => {
        this.subscriptions = subs;
        this.subscribeNote = accepted > 0 ? '已开启微信提醒，有新进展会发到您的微信。' : '好的，不发微信提醒。有新进展仍会写在“我的消息”里。';
      });
    } catch {
      // Not kept this time: the next dialog asks again, and nothing is sent without an acceptance.
    }
  }
}

/** For builds and tests without a message centre: nothing to read, nothing to ask. */
export const emptyMessagesApi: MessagesApi = {
  messages: async () => ({ items: [], unread: 0, nextCursor: null }),
  unreadMessages: async () => ({ unread: 0 }),
  readMessage: async () => ({ unread: 0 }),
  subscriptions: async () => ({ wechat: false, templates: [] }),
  answerSubscriptions: async () => ({ wechat: false, templates: [] }),
};
