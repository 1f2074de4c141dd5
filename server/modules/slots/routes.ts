import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SlotsQuerySchema, SlotsResponseSchema } from '@domain';
import { bearerSecurity, responses } from '../../http';
import { currentUser, type Guards } from '../../plugins/auth';
import type { SlotService } from './service';

export const slotRoutes: FastifyPluginAsyncTypebox<{ slots: SlotService; guards: Guards }> = async (app, { slots, guards }) => {
  app.get(
    '/api/slots',
    {
      onRequest: guards.role('customer'),
      schema: {
        tags: ['customer'],
        summary: '未来 7 天可以上门的时间（今天起）',
        security: bearerSecurity,
        querystring: SlotsQuerySchema,
        response: responses(200, SlotsResponseSchema),
      },
    },
    async (request) => slots.list(currentUser(request), request.query),
  );
};
