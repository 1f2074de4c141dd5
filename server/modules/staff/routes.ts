import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { BookingParamsSchema, ErrorResponseSchema, StaffActionBodySchema, StaffTaskListSchema, StaffTaskSchema, type StaffTask } from '@domain';
import { bearerSecurity, NoContentSchema, responses } from '../../http';
import { currentUser, type Guards } from '../../plugins/auth';
import type { StaffActionName, StaffService } from './service';

/** One route per action, so each is documented (and authorised) on its own. */
const ACTION_SUMMARIES: Record<StaffActionName, string> = {
  confirm: '确认接单',
  decline: '婉拒（需填写原因；系统会马上为客户另找服务人员）',
  depart: '出发（可附当前位置）',
  arrive: '到达（需输入客户手机上的 6 位上门码；可附当前位置）',
  start: '开始服务',
  complete: '完成服务',
  'no-show': '上门未见到客户（需填写原因）',
};

export const staffRoutes: FastifyPluginAsyncTypebox<{ staff: StaffService; guards: Guards }> = async (app, { staff, guards }) => {
  const staffOnly = guards.role('staff');

  app.get(
    '/api/staff/tasks',
    { onRequest: staffOnly, schema: { tags: ['staff'], summary: '分配给我的上门任务（按时间）', security: bearerSecurity, response: responses(200, StaffTaskListSchema) } },
    async (request) => staff.tasks(currentUser(request)),
  );

  const schemaFor = (action: StaffActionName) => ({
    tags: ['staff'],
    summary: ACTION_SUMMARIES[action],
    security: bearerSecurity,
    params: BookingParamsSchema,
    body: StaffActionBodySchema,
  });

  for (const action of Object.keys(ACTION_SUMMARIES).filter((a) => a !== 'decline') as StaffActionName[]) {
    app.post(
      `/api/staff/tasks/:id/${action}`,
      { onRequest: staffOnly, schema: { ...schemaFor(action), response: responses(200, StaffTaskSchema) } },
      async (request) => staff.act(currentUser(request), request.params.id, action, request.body) as Promise<StaffTask>,
    );
  }

  // After declining, the visit is someone else's: nothing of it is returned.
  app.post(
    '/api/staff/tasks/:id/decline',
    { onRequest: staffOnly, schema: { ...schemaFor('decline'), response: { 204: NoContentSchema, '4xx': ErrorResponseSchema, '5xx': ErrorResponseSchema } } },
    async (request, reply) => {
      await staff.act(currentUser(request), request.params.id, 'decline', request.body);
      return reply.status(204).send(null);
    },
  );
};
