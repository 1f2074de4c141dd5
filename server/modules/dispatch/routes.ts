import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  BookingParamsSchema,
  DispatchBookingSchema,
  DispatchCandidatesSchema,
  DispatchQueueSchema,
  DispatchReasonBodySchema,
  DoorCodeUnlockBodySchema,
  ErrorResponseSchema,
  IdSchema,
  ReassignBodySchema,
  RematchResultSchema,
  ServiceLevelsQuerySchema,
  ServiceLevelsSchema,
  StaffLeaveBodySchema,
  StaffLeaveResultSchema,
  StaffParamsSchema,
} from '@domain';
import { bearerSecurity, NoContentSchema, responses } from '../../http';
import { currentUser, type Guards } from '../../plugins/auth';
import type { DispatchService } from './service';
import type { ServiceLevelService } from './service-levels';

const StaffLeaveParamsSchema = Type.Object({ staffId: IdSchema, leaveId: IdSchema }, { additionalProperties: false });

export interface DispatchRoutesOptions {
  dispatch: DispatchService;
  serviceLevels: ServiceLevelService;
  guards: Guards;
}

export const dispatchRoutes: FastifyPluginAsyncTypebox<DispatchRoutesOptions> = async (app, { dispatch, serviceLevels, guards }) => {
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

  app.delete(
    '/api/dispatch/staff/:staffId/leave/:leaveId',
    {
      ...common,
      schema: {
        ...meta('撤销请假（还没开始的删除；已经开始的到现在结束）'),
        params: StaffLeaveParamsSchema,
        response: { 204: NoContentSchema, '4xx': ErrorResponseSchema, '5xx': ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      await dispatch.cancelLeave(request.params.staffId, request.params.leaveId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/dispatch/bookings/:id/door-code-unlock',
    { ...common, schema: { ...meta('上门码输错被锁后，让服务人员重新输入（需原因，留记录）'), params: BookingParamsSchema, body: DoorCodeUnlockBodySchema, response: responses(200, DispatchBookingSchema) } },
    async (request) => dispatch.unlockDoorCode(currentUser(request), request.params.id, request.body),
  );

  app.get(
    '/api/dispatch/service-levels',
    { ...common, schema: { ...meta('当天服务水平：匹配及时率、准时到达、爽约、未答复的投诉'), querystring: ServiceLevelsQuerySchema, response: responses(200, ServiceLevelsSchema) } },
    async (request) => serviceLevels.day(request.query.date),
  );
};
