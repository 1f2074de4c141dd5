import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { BookingListSchema, BookingParamsSchema, BookingViewSchema, CreateBookingBodySchema, IdempotencyKeySchema } from '@domain';
import { bearerSecurity, responses } from '../../http';
import { currentUser, type Guards } from '../../plugins/auth';
import type { BookingService } from './service';

const CreateBookingHeadersSchema = Type.Object({ 'idempotency-key': IdempotencyKeySchema });

export const bookingRoutes: FastifyPluginAsyncTypebox<{ bookings: BookingService; guards: Guards }> = async (app, { bookings, guards }) => {
  const customerOnly = guards.role('customer');

  app.post(
    '/api/bookings',
    {
      onRequest: customerOnly,
      schema: {
        tags: ['customer'],
        summary: '预约上门（同一个 Idempotency-Key 重试得到同一个预约）',
        security: bearerSecurity,
        headers: CreateBookingHeadersSchema,
        body: CreateBookingBodySchema,
        response: responses(201, BookingViewSchema, 200),
      },
    },
    async (request, reply) => {
      const outcome = await bookings.create(currentUser(request), request.body, request.headers['idempotency-key']);
      return reply.status(outcome.created ? 201 : 200).send(outcome.booking);
    },
  );

  app.get(
    '/api/bookings',
    { onRequest: customerOnly, schema: { tags: ['customer'], summary: '我和授权长辈的预约', security: bearerSecurity, response: responses(200, BookingListSchema) } },
    async (request) => bookings.list(currentUser(request)),
  );

  app.get(
    '/api/bookings/:id',
    {
      onRequest: customerOnly,
      schema: { tags: ['customer'], summary: '一次预约的详情', security: bearerSecurity, params: BookingParamsSchema, response: responses(200, BookingViewSchema) },
    },
    async (request) => bookings.get(currentUser(request), request.params.id),
  );
};
