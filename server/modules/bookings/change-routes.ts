import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { BookingParamsSchema, BookingViewSchema, CancelBodySchema, RescheduleBodySchema, RescheduleSlotsSchema } from '@domain';
import { bearerSecurity, responses } from '../../http';
import { currentUser, type Guards } from '../../plugins/auth';
import type { BookingChanges } from './changes';

/** The elder or consenting family changing a visit, until the cut-off before it. */
export const bookingChangeRoutes: FastifyPluginAsyncTypebox<{ changes: BookingChanges; guards: Guards }> = async (app, { changes, guards }) => {
  const customerOnly = guards.role('customer');

  app.post(
    '/api/bookings/:id/cancel',
    {
      onRequest: customerOnly,
      schema: {
        tags: ['customer'],
        summary: '取消预约（需选原因；上门前 2 小时内请打电话）',
        security: bearerSecurity,
        params: BookingParamsSchema,
        body: CancelBodySchema,
        response: responses(200, BookingViewSchema),
      },
    },
    async (request) => changes.cancel(currentUser(request), request.params.id, request.body),
  );

  app.get(
    '/api/bookings/:id/reschedule-slots',
    {
      onRequest: customerOnly,
      schema: {
        tags: ['customer'],
        summary: '可以改到的时间（sameStaff: 原来的服务人员也有空）',
        security: bearerSecurity,
        params: BookingParamsSchema,
        response: responses(200, RescheduleSlotsSchema),
      },
    },
    async (request) => changes.rescheduleSlots(currentUser(request), request.params.id),
  );

  app.post(
    '/api/bookings/:id/reschedule',
    {
      onRequest: customerOnly,
      schema: {
        tags: ['customer'],
        summary: '改约到另一个时间（原服务人员有空时仍由他/她上门）',
        security: bearerSecurity,
        params: BookingParamsSchema,
        body: RescheduleBodySchema,
        response: responses(200, BookingViewSchema),
      },
    },
    async (request) => changes.reschedule(currentUser(request), request.params.id, request.body),
  );
};
