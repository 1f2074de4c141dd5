import type { SubscribeAnswer } from '@domain/notifications';
import type { Message, MessagePage, Subscriptions } from '@domain/schemas-notifications';
import { ApiError } from '@/api/api-error';
import type { MessagesApi } from '@/api/messages-api';
import { MessagesStore } from '@/stores/messages-store';

const msg = (n: number, read = false): Message => ({
  id: `c1000000-0000-4000-8000-00000000000${n}`,
  title: `消息${n}`,
  body: `内容${n}`,
  bookingId: null,
  createdAt: `2030-01-07T0${n}:00:00.000Z`,
  read,
});

const TEMPLATES: Subscriptions = {
  wechat: true,
  templates: [
    { template: 'visit_status', templateId: 'tmpl-status', title: '预约进度通知', remaining: 0, lastAnswer: null, askable: true },
    { template: 'visit_reminder', templateId: 'tmpl-reminder', title: '上门前提醒', remaining: 0, lastAnswer: null, askable: true },
  ],
};

/** The server's side, in memory: pages of two, answers counted as the server counts them. */
class FakeMessagesApi implements MessagesApi {
  all: Message[] = [msg(3), msg(2), msg(1, true)];
  subs: Subscriptions = structuredClone(TEMPLATES);
  answered: Array<Array<{ templateId: string; answer: SubscribeAnswer }>> = [];
  failRead = false;
  unreadCount = () => this.all.filter((m) => !m.read).length;
  async messages(before?: string | null): Promise<MessagePage> {
    const start = before ? this.all.findIndex((m) => m.id === before) + 1 : 0;
    const items = this.all.slice(start, start + 2).map((m) => ({ ...m }));
    return { items, unread: this.unreadCount(), nextCursor: start + 2 < this.all.length ? items[1].id : null };
  }
  async unreadMessages() {
    return { unread: this.unreadCount() };
  }
  async readMessage(id: string) {
    if (this.failRead) throw ApiError.network();
    const m = this.all.find((x) => x.id === id);
    if (m) m.read = true;
    return { unread: this.unreadCount() };
  }
  async subscriptions() {
    return structuredClone(this.subs);
  }
  async answerSubscriptions(answers: Array<{ templateId: string; answer: SubscribeAnswer }>) {
    this.answered.push(answers);
    for (const a of answers) {
      const t = this.subs.templates.find((x) => x.templateId === a.templateId);
      if (!t || a.answer === 'filter') continue;
      t.lastAnswer = a.answer;
      t.remaining += a.answer === 'accept' ? 1 : 0;
      t.askable = a.answer === 'accept';
    }
    return structuredClone(this.subs);
  }
}

/** WeChat's dialog: records what it was asked for, answers as told. */
function dialog(answer: (id: string) => SubscribeAnswer) {
  const asked: string[][] = [];
  const port = (ids: readonly string[]) => {
    asked.push([...ids]);
    return Promise.resolve(Object.fromEntries(ids.map((id) => [id, answer(id)])));
  };
  return { asked, port };
}

describe('MessagesStore: 我的消息', () => {
  it('shows the newest first with the unread count, and more on request without repeats', async () => {
    const api = new FakeMessagesApi();
    const store = new MessagesStore(api, dialog(() => 'accept').port);
    await store.load();
    expect(store.items.map((m) => m.title)).toEqual(['消息3', '消息2']);
    expect(store.unread).toBe(2);
    await store.loadMore();
    expect(store.items.map((m) => m.title)).toEqual(['消息3', '消息2', '消息1']);
    expect(store.nextCursor).toBeNull();
  });

  it('opening a message reads it at once; if the server cannot be reached it is unread again', async () => {
    const api = new FakeMessagesApi();
    const store = new MessagesStore(api, dialog(() => 'accept').port);
    await store.load();
    await store.markRead(store.items[0].id);
    expect(store.items[0].read).toBe(true);
    expect(store.unread).toBe(1);
    api.failRead = true;
    await store.markRead(store.items[1].id);
    expect(store.items[1].read).toBe(false);
    expect(store.unread).toBe(1);
  });

  it('says so when the list cannot load', async () => {
    const api = new FakeMessagesApi();
    api.messages = () => Promise.reject(ApiError.network());
    const store = new MessagesStore(api, dialog(() => 'accept').port);
    await store.load();
    expect(store.state).toBe('error');
    expect(store.error).toMatch(/网络/);
  });
});

describe('MessagesStore: WeChat subscriptions', () => {
  it('asks at booking from the tap itself, and reports each answer to the server', async () => {
    const api = new FakeMessagesApi();
    const wechat = dialog((id) => (id === 'tmpl-status' ? 'accept' : 'reject'));
    const store = new MessagesStore(api, wechat.port);
    await store.loadSubscriptions();
    const done = store.askAtBooking();
    // Shown before anything was awaited: WeChat allows the dialog only straight from a tap.
    expect(wechat.asked).toEqual([['tmpl-status', 'tmpl-reminder']]);
    await done;
    expect(api.answered).toEqual([[{ templateId: 'tmpl-status', answer: 'accept' }, { templateId: 'tmpl-reminder', answer: 'reject' }]]);
    expect(store.refused.map((t) => t.template)).toEqual(['visit_reminder']);
    expect(store.subscribeNote).toMatch(/已开启微信提醒/);
  });

  it('offers 开启微信提醒 on the visit page only while no acceptance is left, and never after a refusal', async () => {
    const api = new FakeMessagesApi();
    const store = new MessagesStore(api, dialog((id) => (id === 'tmpl-status' ? 'accept' : 'reject')).port);
    expect(store.offerOnVisit).toBe(false);
    await store.loadSubscriptions();
    expect(store.offerOnVisit).toBe(true);
    await store.askAtBooking();
    // One acceptance left for the next change: nothing to offer.
    expect(store.offerOnVisit).toBe(false);
    const refusing = new MessagesStore(new FakeMessagesApi(), dialog(() => 'reject').port);
    await refusing.loadSubscriptions();
    await refusing.askAtBooking();
    expect(refusing.offerOnVisit).toBe(false);
  });

  it('does not ask again for a refused template, unless the person taps to be asked in 消息设置', async () => {
    const api = new FakeMessagesApi();
    const wechat = dialog(() => 'reject');
    const store = new MessagesStore(api, wechat.port);
    await store.loadSubscriptions();
    await store.askAtBooking();
    await store.askAtBooking();
    expect(wechat.asked).toEqual([['tmpl-status', 'tmpl-reminder']]);
    expect(store.subscribeNote).toMatch(/不发微信提醒/);
    await store.askAgain();
    expect(wechat.asked).toHaveLength(2);
    expect(wechat.asked[1]).toEqual(['tmpl-status', 'tmpl-reminder']);
  });

  it('asks for at most three templates at once, and nothing without WeChat', async () => {
    const api = new FakeMessagesApi();
    api.subs.templates.push(
      { template: 'staff_task', templateId: 'tmpl-3', title: '三', remaining: 0, lastAnswer: null, askable: true },
      { template: 'staff_task', templateId: 'tmpl-4', title: '四', remaining: 0, lastAnswer: null, askable: true },
    );
    const wechat = dialog(() => 'filter');
    const store = new MessagesStore(api, wechat.port);
    await store.loadSubscriptions();
    await store.askAtBooking();
    expect(wechat.asked[0]).toHaveLength(3);

    const none = new FakeMessagesApi();
    none.subs = { wechat: false, templates: [] };
    const silent = dialog(() => 'accept');
    const withoutWechat = new MessagesStore(none, silent.port);
    await withoutWechat.loadSubscriptions();
    await withoutWechat.askAtBooking();
    expect(silent.asked).toEqual([]);
    expect(withoutWechat.canAsk).toBe(false);
  });
});
