import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  BookingParamsSchema,
  ComplaintBodySchema,
  ComplaintListSchema,
  ComplaintParamsSchema,
  ComplaintProgressBodySchema,
  ComplaintViewSchema,
  IdempotencyKeySchema,
  RatingBodySchema,
  RatingViewSchema,
  VisitFeedbackSchema,
} from '@domain';
import { bearerSecurity, responses } from '../../http';
import { currentUser, type Guards } from '../../plugins/auth';
import type { FeedbackService } from './service';

const IdempotencyHeadersSchema = Type.Object({ 'idempotency-key': IdempotencyKeySchema });

export const feedbackRoutes: FastifyPluginAsyncTypebox<{ feedback: FeedbackService; guards: Guards }> = async (app, { feedback, guards }) => {
  const customerOnly = guards.role('customer');
  const dispatcherOnly = guards.role('dispatcher');

  app.get(
    '/api/bookings/:id/feedback',
    {
      onRequest: customerOnly,
      schema: { tags: ['customer'], summary: '服务后的评价和投诉', security: bearerSecurity, params: BookingParamsSchema, response: responses(200, VisitFeedbackSchema) },
    },
    async (request) => feedback.feedback(currentUser(request), request.params.id),
  );

  app.post(
    '/api/bookings/:id/rating',
    {
      onRequest: customerOnly,
      schema: {
        tags: ['customer'],
        summary: '评价这次服务（每次服务一次；同样的评价重发得到已保存的评价）',
        security: bearerSecurity,
        params: BookingParamsSchema,
        body: RatingBodySchema,
        response: responses(201, RatingViewSchema, 200),
      },
    },
    async (request, reply) => {
      const outcome = await feedback.rate(currentUser(request), request.params.id, request.body);
      return reply.status(outcome.created ? 201 : 200).send(outcome.value);
    },
  );

  app.post(
    '/api/bookings/:id/complaints',
    {
      onRequest: customerOnly,
      schema: {
        tags: ['customer'],
        summary: '投诉（服务人员出发以后；同一个 Idempotency-Key 重试得到同一条投诉）',
        security: bearerSecurity,
        params: BookingParamsSchema,
        headers: IdempotencyHeadersSchema,
        body: ComplaintBodySchema,
        response: responses(201, ComplaintViewSchema, 200),
      },
    },
    async (request, reply) => {
      const outcome = await feedback.complain(currentUser(request), request.params.id, request.body, request.headers['idempotency-key']);
      return reply.status(outcome.created ? 201 : 200).send(outcome.value);
    },
  );

  app.get(
    '/api/complaints',
    {
      onRequest: dispatcherOnly,
      schema: { tags: ['dispatcher'], summary: '未答复的投诉（内部时限最早的在前）', security: bearerSecurity, response: responses(200, ComplaintListSchema) },
    },
    async () => feedback.openComplaints(),
  );

  app.post(
    '/api/complaints/:id/progress',
    {
      onRequest: dispatcherOnly,
      schema: {
        tags: ['dispatcher'],
        summary: '投诉处理中 / 已答复',
        security: bearerSecurity,
        params: ComplaintParamsSchema,
        body: ComplaintProgressBodySchema,
        response: responses(200, ComplaintViewSchema),
      },
    },
    async (request) => feedback.progress(currentUser(request), request.params.id, request.body),
  );
};
