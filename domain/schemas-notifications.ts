/**
 * 我的消息 (the in-app message centre), the WeChat subscriptions a person gave, and the delivery
 * summary dispatchers read. Every visit change that concerns someone leaves a message here, even
 * when WeChat and SMS could not reach them.
 */
import { Type, type Static } from '@sinclair/typebox';
import { MAX_TEMPLATES_PER_REQUEST, MESSAGE_PAGE_MAX, NOTIFICATION_TEMPLATES, SUBSCRIBE_ANSWERS } from './notifications';
import { IdSchema, InstantSchema, literals } from './schemas';

export * from './notifications';

export const NotificationTemplateSchema = literals(NOTIFICATION_TEMPLATES);
export const SubscribeAnswerSchema = literals(SUBSCRIBE_ANSWERS);

export const MessageSchema = Type.Object({
  id: IdSchema,
  title: Type.String(),
  body: Type.String(),
  /** The visit it is about (the app opens it on tap); null for messages about no visit. */
  bookingId: Type.Union([IdSchema, Type.Null()]),
  createdAt: InstantSchema,
  read: Type.Boolean(),
});
export type Message = Static<typeof MessageSchema>;

/** A cursor from a previous page: `<createdAt ISO>_<id>`. */
export const MessageCursorSchema = Type.String({
  maxLength: 80,
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z_[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
});

export const MessagesQuerySchema = Type.Object(
  {
    before: Type.Optional(MessageCursorSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MESSAGE_PAGE_MAX, default: 20 })),
  },
  { additionalProperties: false },
);
export type MessagesQuery = Static<typeof MessagesQuerySchema>;

export const MessagePageSchema = Type.Object({
  /** Newest first. */
  items: Type.Array(MessageSchema),
  unread: Type.Integer({ minimum: 0 }),
  /** Pass as `before` for the next (older) page; null at the end. */
  nextCursor: Type.Union([MessageCursorSchema, Type.Null()]),
});
export type MessagePage = Static<typeof MessagePageSchema>;

export const UnreadCountSchema = Type.Object({ unread: Type.Integer({ minimum: 0 }) });
export type UnreadCount = Static<typeof UnreadCountSchema>;

export const MessageIdParamsSchema = Type.Object({ id: IdSchema }, { additionalProperties: false });

export const SubscriptionViewSchema = Type.Object({
  template: NotificationTemplateSchema,
  /** The id to pass to wx.requestSubscribeMessage. */
  templateId: Type.String(),
  title: Type.String(),
  /** Acceptances not used yet (one message each). */
  remaining: Type.Integer({ minimum: 0 }),
  lastAnswer: Type.Union([literals(['accept', 'reject', 'ban'] as const), Type.Null()]),
  /** false after a refusal: the app asks again only when the person taps to be asked. */
  askable: Type.Boolean(),
});
export type SubscriptionView = Static<typeof SubscriptionViewSchema>;

export const SubscriptionsSchema = Type.Object({
  /** false while WeChat is not configured on the server: nothing to ask for. */
  wechat: Type.Boolean(),
  templates: Type.Array(SubscriptionViewSchema),
});
export type Subscriptions = Static<typeof SubscriptionsSchema>;

export const SubscriptionAnswersBodySchema = Type.Object(
  {
    answers: Type.Array(
      Type.Object({ templateId: Type.String({ minLength: 1, maxLength: 64 }), answer: SubscribeAnswerSchema }, { additionalProperties: false }),
      { minItems: 1, maxItems: MAX_TEMPLATES_PER_REQUEST },
    ),
  },
  { additionalProperties: false },
);
export type SubscriptionAnswersBody = Static<typeof SubscriptionAnswersBodySchema>;

export const DeliveryChannelSchema = literals(['wechat', 'sms'] as const);
export const DeliveryStateSchema = literals(['waiting', 'pending', 'sending', 'sent', 'failed', 'skipped', 'unknown'] as const);
export type DeliveryState = Static<typeof DeliveryStateSchema>;

/** For the desk and for operations: how the outbox stands. */
export const DeliverySummarySchema = Type.Object({
  messages: Type.Integer({ minimum: 0 }),
  deliveries: Type.Array(Type.Object({ channel: DeliveryChannelSchema, state: DeliveryStateSchema, count: Type.Integer({ minimum: 0 }) })),
  /** Deliveries still to be tried (pending, sending, waiting behind one of those). */
  open: Type.Integer({ minimum: 0 }),
  remindersPlanned: Type.Integer({ minimum: 0 }),
});
export type DeliverySummary = Static<typeof DeliverySummarySchema>;
