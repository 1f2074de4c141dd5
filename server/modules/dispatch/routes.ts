import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  BookingParamsSchema,
  DispatchBookingSchema,
  DispatchCandidatesSchema,
  DispatchQueueSchema,
  DispatchReasonBodySchema,
  ReassignBodySchema,
  RematchResultSchema,
  StaffLeaveBodySchema,
  StaffLeaveResultSchema,
  StaffParamsSchema,
} from '@domain';
import { bearerSecurity, responses } from '../../http';
import { currentUser, type Guards } from '../../plugins/auth';
import type { DispatchService } from './service';

export const dispatchRoutes: FastifyPluginAsyncTypebox<{ dispatch: DispatchService; guards: Guards }> = async (app, { dispatch, guards }) => {
  const dispatcherOnly = guards.role('dispatcher');
  const common = { onRequest: dispatcherOnly };
  const meta = (summary: string) => ({ tags: ['dispatch'], summary, security: bearerSecurity });

  app.get(
    '/api/dispatch/queue',
    { ...common, schema: { ...meta('待处理：没有安排到人的预约、即将超时的邀约'), response: responses(200, DispatchQueueSchema) } },
    async (request) => dispatch.queue(currentUser(request)),
  );

  app.get(
    '/api/dispatch/bookings/:id',
    { ...common, schema: { ...meta('一次预约（调度视角）'), params: BookingParamsSchema, response: responses(200, DispatchBookingSchema) } },
    async (request) => dispatch.booking(currentUser(request), request.params.id),
  );

  app.get(
    '/api/dispatch/bookings/:id/candidates',
    { ...common, schema: { ...meta('现在能接这次服务的人员（按匹配度排序，附理由）'), params: BookingParamsSchema, response: responses(200, DispatchCandidatesSchema) } },
    async (request) => dispatch.candidates(request.params.id),
  );

  app.post(
    '/api/dispatch/bookings/:id/reassign',
    { ...common, schema: { ...meta('人工改派给指定人员（需原因）'), params: BookingParamsSchema, body: ReassignBodySchema, response: responses(200, DispatchBookingSchema) } },
    async (request) => dispatch.reassign(currentUser(request), request.params.id, request.body),
  );

  app.post(
    '/api/dispatch/bookings/:id/cancel',
    { ...common, schema: { ...meta('取消预约（需原因）'), params: BookingParamsSchema, body: DispatchReasonBodySchema, response: responses(200, DispatchBookingSchema) } },
    async (request) => dispatch.cancel(currentUser(request), request.params.id, request.body),
  );

  app.post(
    '/api/dispatch/bookings/:id/staff-no-show',
    { ...common, schema: { ...meta('记录服务人员未按时上门（需原因）'), params: BookingParamsSchema, body: DispatchReasonBodySchema, response: responses(200, DispatchBookingSchema) } },
    async (request) => dispatch.recordStaffNoShow(currentUser(request), request.params.id, request.body),
  );

  app.post(
    '/api/dispatch/rematch-unmatched',
    { ...common, schema: { ...meta('把所有还没安排到人的预约一起重新匹配'), response: responses(200, RematchResultSchema) } },
    async (request) => dispatch.rematchBacklog(currentUser(request)),
  );

  app.post(
    '/api/dispatch/staff/:staffId/leave',
    {
      ...common,
      schema: { ...meta('登记人员请假/生病：期间的预约一起重新匹配'), params: StaffParamsSchema, body: StaffLeaveBodySchema, response: responses(201, StaffLeaveResultSchema) },
    },
    async (request, reply) => reply.status(201).send(await dispatch.recordLeave(currentUser(request), request.params.staffId, request.body)),
  );
};
