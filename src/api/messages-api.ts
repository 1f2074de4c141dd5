/**
 * 我的消息 and the WeChat subscriptions: the app's part of the API for them (every kind of
 * account uses it). Built over the same `Call` as the rest of the client.
 */
import type { MessagePage, SubscribeAnswer, Subscriptions, UnreadCount } from '@domain/schemas-notifications';
import type { Call } from './client';

export interface MessagesApi {
  messages(before?: string | null): Promise<MessagePage>;
  unreadMessages(): Promise<UnreadCount>;
  readMessage(id: string): Promise<UnreadCount>;
  subscriptions(): Promise<Subscriptions>;
  answerSubscriptions(answers: Array<{ templateId: string; answer: SubscribeAnswer }>): Promise<Subscriptions>;
}

export function messagesApi(call: Call): MessagesApi {
  return {
    messages: (before) => call('GET', `/api/me/messages?limit=20${before ? `&before=${encodeURIComponent(before)}` : ''}`),
    unreadMessages: () => call('GET', '/api/me/messages/unread'),
    readMessage: (id) => call('POST', `/api/me/messages/${encodeURIComponent(id)}/read`, {}),
    subscriptions: () => call('GET', '/api/me/subscriptions'),
    answerSubscriptions: (answers) => call('POST', '/api/me/subscriptions', { answers }),
  };
}
