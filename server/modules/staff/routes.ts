import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  BookingParamsSchema,
  ErrorResponseSchema,
  LocationPingBodySchema,
  StaffActionBodySchema,
  StaffTaskBoardSchema,
  StaffTaskCardSchema,
  StaffTaskDetailSchema,
  type StaffTaskCard,
} from '@domain';
import { bearerSecurity, NoContentSchema, responses } from '../../http';
import { currentUser, type Guards } from '../../plugins/auth';
import { IdempotencyHeadersSchema } from './idempotency';
import type { StaffActionName } from '@domain';
import type { StaffService } from './service';

/** One route per action, so each is documented (and authorised) on its own. */
const ACTION_SUMMARIES: Record<StaffActionName, string> = {
  confirm: '确认接单',
  decline: '婉拒（需填写原因；系统会马上为客户另找服务人员）',
  depart: '出发（可附当前位置，客户会看到预计到达时间）',
  arrive: '到达（需输入客户手机上的 6 位上门码；可附当前位置）',
  start: '开始服务',
  complete: '完成服务（材料、签名等没有做完时不能完成，会列出还差什么）',
  'no-show': '上门未见到客户（需填写原因）',
};

const NO_CONTENT = { 204: NoContentSchema, '4xx': ErrorResponseSchema, '5xx': ErrorResponseSchema };

export const staffRoutes: FastifyPluginAsyncTypebox<{ staff: StaffService; guards: Guards }> = async (app, { staff, guards }) => {
  const staffOnly = guards.role('staff');

  app.get(
    '/api/staff/tasks',
    { onRequest: staffOnly, schema: { tags: ['staff'], summary: '我的任务：待回复的派单、今天、之后几天', security: bearerSecurity, response: responses(200, StaffTaskBoardSchema) } },
    async (request) => staff.board(currentUser(request)),
  );

  app.get(
    '/api/staff/tasks/:id',
    {
      onRequest: staffOnly,
      schema: { tags: ['staff'], summary: '一个任务的详情、上门记录和照片', security: bearerSecurity, params: BookingParamsSchema, response: responses(200, StaffTaskDetailSchema) },
    },
    async (request) => staff.detail(currentUser(request), request.params.id),
  );

  const schemaFor = (action: StaffActionName) => ({
    tags: ['staff'],
    summary: ACTION_SUMMARIES[action],
    security: bearerSecurity,
    headers: IdempotencyHeadersSchema,
    params: BookingParamsSchema,
    body: StaffActionBodySchema,
  });

  for (const action of Object.keys(ACTION_SUMMARIES).filter((a) => a !== 'decline') as StaffActionName[]) {
    app.post(
      `/api/staff/tasks/:id/${action}`,
      {
        onRequest: staffOnly,
        schema: { ...schemaFor(action), response: responses(200, StaffTaskCardSchema) },
      },
      async (request) =>
        staff.act(currentUser(request), request.params.id, action, request.body, request.headers['idempotency-key']) as Promise<StaffTaskCard>,
    );
  }

  // After declining, the visit is someone else's: nothing of it is returned.
  app.post(
    '/api/staff/tasks/:id/decline',
    { onRequest: staffOnly, schema: { ...schemaFor('decline'), response: NO_CONTENT } },
    async (request, reply) => {
      await staff.act(currentUser(request), request.params.id, 'decline', request.body, request.headers['idempotency-key']);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/staff/tasks/:id/location',
    {
      onRequest: staffOnly,
      schema: {
        tags: ['staff'],
        summary: '路上共享当前位置（只在出发后、到达前；客户只看到预计到达时间）',
        security: bearerSecurity,
        params: BookingParamsSchema,
        body: LocationPingBodySchema,
        response: NO_CONTENT,
      },
    },
    async (request, reply) => {
      await staff.shareLocation(currentUser(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
};
