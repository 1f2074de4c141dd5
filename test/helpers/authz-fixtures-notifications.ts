/**
 * Fixtures of 我的消息, the WeChat subscriptions and the outbox summary for the authorisation
 * matrix (see authz-fixtures.ts for the shape). The world's visit is offered to staff A, so A has
 * a message about it (the offer); nobody else has one yet.
 */
import type { RouteFixture } from './authz-fixtures';
import type { World } from './authz-world';

/** Staff A's message about the world's visit (the offer). */
async function offerMessage(w: World): Promise<void> {
  const r = await w.db.query<{ id: string }>('select id from notifications where recipient_id = $1 and booking_id = $2', [w.staffA.id, w.booking.id]);
  w.extra.messageId = r.rows[0].id;
}

const listsMessage = (body: unknown, w: World) =>
  Array.isArray((body as { items?: unknown })?.items) && (body as { items: Array<{ id: string }> }).items.some((m) => m.id === w.extra.messageId);

export const NOTIFICATION_FIXTURES: Record<string, RouteFixture> = {
  'GET /api/me/messages': { setup: offerMessage, request: () => ({ query: { limit: '20' } }), lists: listsMessage },
  'GET /api/me/messages/unread': { request: () => ({}) },
  'POST /api/me/messages/:id/read': { setup: offerMessage, request: (w) => ({ params: { id: w.extra.messageId } }) },
  'GET /api/me/subscriptions': { request: () => ({ app: 'wechat' }) },
  // The templates exist only where WeChat is configured.
  'POST /api/me/subscriptions': { request: () => ({ app: 'wechat', body: { answers: [{ templateId: 'dev-visit-reminder', answer: 'accept' }] } }) },
  'GET /api/notifications/summary': { request: () => ({}) },
};
