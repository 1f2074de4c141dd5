import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  DeliverySummarySchema,
  MessageIdParamsSchema,
  MessagePageSchema,
  MessagesQuerySchema,
  SubscriptionAnswersBodySchema,
  SubscriptionsSchema,
  UnreadCountSchema,
} from '@domain/schemas-notifications';
import { bearerSecurity, responses } from '../../http';
import { currentUser, type Guards } from '../../plugins/auth';
import type { MessageCentre } from './service';

export const notificationRoutes: FastifyPluginAsyncTypebox<{ messages: MessageCentre; guards: Guards }> = async (app, { messages, guards }) => {
  const anyone = guards.signedIn;
  const schema = { tags: ['messages'], security: bearerSecurity };

  app.get(
    '/api/me/messages',
    { onRequest: anyone, schema: { ...schema, summary: '我的消息（最新的在前，分页）', querystring: MessagesQuerySchema, response: responses(200, MessagePageSchema) } },
    async (request) => messages.list(currentUser(request), request.query),
  );

  app.get(
    '/api/me/messages/unread',
    { onRequest: anyone, schema: { ...schema, summary: '未读消息条数', response: responses(200, UnreadCountSchema) } },
    async (request) => messages.unread(currentUser(request)),
  );

  app.post(
    '/api/me/messages/:id/read',
    { onRequest: anyone, schema: { ...schema, summary: '把一条消息标为已读', params: MessageIdParamsSchema, response: responses(200, UnreadCountSchema) } },
    async (request) => messages.markRead(currentUser(request), request.params.id),
  );

  app.get(
    '/api/me/subscriptions',
    { onRequest: anyone, schema: { ...schema, summary: '微信消息订阅：可以请求的模板和剩余次数', response: responses(200, SubscriptionsSchema) } },
    async (request) => messages.subscriptions(currentUser(request)),
  );

  app.post(
    '/api/me/subscriptions',
    {
      onRequest: anyone,
      schema: { ...schema, summary: '记录订阅弹窗里每个模板的选择（同意一次可收一条）', body: SubscriptionAnswersBodySchema, response: responses(200, SubscriptionsSchema) },
    },
    async (request) => messages.answer(currentUser(request), request.body),
  );

  app.get(
    '/api/notifications/summary',
    { onRequest: guards.role('dispatcher'), schema: { ...schema, summary: '通知发送情况（按渠道和状态统计）', response: responses(200, DeliverySummarySchema) } },
    async () => messages.summary(),
  );
};
