import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LeaveParamsSchema, ServiceAreaSchema, StaffAvailabilitySchema, StaffLeaveBodySchema, WorkingHoursBodySchema } from '@domain';
import { bearerSecurity, responses } from '../../http';
import { currentUser, type Guards } from '../../plugins/auth';
import type { AvailabilityService } from './service';

/** The signed-in staff member's own availability (/api/staff/me/…): nobody else's. */
export const availabilityRoutes: FastifyPluginAsyncTypebox<{ availability: AvailabilityService; guards: Guards }> = async (app, { availability, guards }) => {
  const common = { onRequest: guards.role('staff') };
  const meta = (summary: string) => ({ tags: ['staff'], summary, security: bearerSecurity });

  app.get(
    '/api/staff/me/availability',
    { ...common, schema: { ...meta('我的工作时间、请假、服务区域（技能和证书由调度员设置）'), response: responses(200, StaffAvailabilitySchema) } },
    async (request) => availability.get(currentUser(request)),
  );

  app.put(
    '/api/staff/me/working-hours',
    { ...common, schema: { ...meta('修改每周工作时间（只影响以后的派单）'), body: WorkingHoursBodySchema, response: responses(200, StaffAvailabilitySchema) } },
    async (request) => availability.saveWorkingHours(currentUser(request), request.body),
  );

  app.put(
    '/api/staff/me/area',
    { ...common, schema: { ...meta('修改服务区域（只影响以后的派单）'), body: ServiceAreaSchema, response: responses(200, StaffAvailabilitySchema) } },
    async (request) => availability.saveArea(currentUser(request), request.body),
  );

  app.post(
    '/api/staff/me/leave',
    { ...common, schema: { ...meta('请假：期间已接的预约会一起重新安排'), body: StaffLeaveBodySchema, response: responses(201, StaffAvailabilitySchema) } },
    async (request, reply) => reply.status(201).send(await availability.addLeave(currentUser(request), request.body)),
  );

  app.delete(
    '/api/staff/me/leave/:leaveId',
    { ...common, schema: { ...meta('撤回还没开始的请假'), params: LeaveParamsSchema, response: responses(200, StaffAvailabilitySchema) } },
    async (request) => availability.cancelLeave(currentUser(request), request.params.leaveId),
  );
};
