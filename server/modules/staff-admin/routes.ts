import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateStaffBodySchema,
  CreateStaffResultSchema,
  RosterEntrySchema,
  RosterQuerySchema,
  RosterSchema,
  StaffInvitationSchema,
  StaffParamsSchema,
  StaffProfileBodySchema,
} from '@domain';
import { bearerSecurity, responses } from '../../http';
import { currentUser, type Guards } from '../../plugins/auth';
import type { StaffAdminService } from './service';

/** The roster and staff accounts, at the dispatch desk. */
export const staffAdminRoutes: FastifyPluginAsyncTypebox<{ staffAdmin: StaffAdminService; guards: Guards }> = async (app, { staffAdmin, guards }) => {
  const common = { onRequest: guards.role('dispatcher') };
  const meta = (summary: string) => ({ tags: ['dispatch'], summary, security: bearerSecurity });

  app.get(
    '/api/dispatch/staff',
    { ...common, schema: { ...meta('人员名单：技能、证书、服务区域、当天工作量'), querystring: RosterQuerySchema, response: responses(200, RosterSchema) } },
    async (request) => staffAdmin.roster(request.query.date),
  );

  app.post(
    '/api/dispatch/staff',
    { ...common, schema: { ...meta('新建服务人员账号，并生成绑定工号的邀请'), body: CreateStaffBodySchema, response: responses(201, CreateStaffResultSchema) } },
    async (request, reply) => reply.status(201).send(await staffAdmin.create(currentUser(request), request.body)),
  );

  app.post(
    '/api/dispatch/staff/:staffId/invitation',
    { ...common, schema: { ...meta('重新生成邀请（之前没用过的邀请作废）'), params: StaffParamsSchema, response: responses(201, StaffInvitationSchema) } },
    async (request, reply) => reply.status(201).send(await staffAdmin.reissueInvitation(currentUser(request), request.params.staffId)),
  );

  app.put(
    '/api/dispatch/staff/:staffId/profile',
    {
      ...common,
      schema: { ...meta('修改人员的技能、证书、方言、服务区域、每日单量和是否接单'), params: StaffParamsSchema, body: StaffProfileBodySchema, response: responses(200, RosterEntrySchema) },
    },
    async (request) => staffAdmin.updateProfile(request.params.staffId, request.body),
  );
};
