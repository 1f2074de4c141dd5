import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { BookingParamsSchema, StaffTaskListSchema, StaffTaskSchema, TransitionBodySchema } from '@domain';
import { bearerSecurity, responses } from '../../http';
import { currentUser, type Guards } from '../../plugins/auth';
import type { StaffService } from './service';

export const staffRoutes: FastifyPluginAsyncTypebox<{ staff: StaffService; guards: Guards }> = async (app, { staff, guards }) => {
  const staffOnly = guards.role('staff');

  app.get(
    '/api/staff/tasks',
    { onRequest: staffOnly, schema: { tags: ['staff'], summary: '分配给我的上门任务（按时间）', security: bearerSecurity, response: responses(200, StaffTaskListSchema) } },
    async (request) => staff.tasks(currentUser(request)),
  );

  app.post(
    '/api/staff/tasks/:id/confirm',
    {
      onRequest: staffOnly,
      schema: {
        tags: ['staff'],
        summary: '确认接单',
        security: bearerSecurity,
        params: BookingParamsSchema,
        body: TransitionBodySchema,
        response: responses(200, StaffTaskSchema),
      },
    },
    async (request) => staff.confirm(currentUser(request), request.params.id, request.body),
  );
};
