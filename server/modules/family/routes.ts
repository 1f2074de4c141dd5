/**
 * Family routes. Invitation tokens travel in request bodies, never in URLs, so they stay out of
 * access logs. Answering an invitation is open to any signed-in account so that staff and
 * dispatchers get the specific INVITE_NOT_FOR_STAFF instead of a bare FORBIDDEN.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateInvitationBodySchema,
  ErrorResponseSchema,
  FamilyLinkParamsSchema,
  FamilyMemberSchema,
  FamilyOverviewSchema,
  InvitationPreviewSchema,
  InvitationSchema,
  InvitationTokenBodySchema,
} from '@domain';
import { bearerSecurity, NoContentSchema, responses } from '../../http';
import { currentUser, type Guards } from '../../plugins/auth';
import type { FamilyService } from './service';

export const familyRoutes: FastifyPluginAsyncTypebox<{ family: FamilyService; guards: Guards }> = async (app, { family, guards }) => {
  const customerOnly = guards.role('customer');
  const common = { tags: ['customer'], security: bearerSecurity };

  app.get(
    '/api/family',
    { onRequest: customerOnly, schema: { ...common, summary: '我的家人：我关注的长辈、代我预约的家人、发出的邀请', response: responses(200, FamilyOverviewSchema) } },
    async (request) => family.overview(currentUser(request)),
  );

  app.post(
    '/api/family/invitations',
    {
      onRequest: customerOnly,
      schema: { ...common, summary: '邀请长辈（一次性链接，7 天内有效）', body: CreateInvitationBodySchema, response: responses(201, InvitationSchema) },
    },
    async (request, reply) => reply.status(201).send(await family.invite(currentUser(request), request.body)),
  );

  app.post(
    '/api/family/invitations/preview',
    {
      onRequest: guards.signedIn,
      schema: { ...common, summary: '长辈打开邀请：谁在邀请、能做什么', body: InvitationTokenBodySchema, response: responses(200, InvitationPreviewSchema) },
    },
    async (request) => family.preview(currentUser(request), request.body.token),
  );

  app.post(
    '/api/family/invitations/consent',
    {
      onRequest: guards.signedIn,
      schema: { ...common, summary: '长辈一键同意（重试得到同一个关联）', body: InvitationTokenBodySchema, response: responses(200, FamilyMemberSchema) },
    },
    async (request) => family.consent(currentUser(request), request.body.token),
  );

  app.post(
    '/api/family/invitations/decline',
    {
      onRequest: guards.signedIn,
      schema: {
        ...common,
        summary: '长辈不同意',
        body: InvitationTokenBodySchema,
        response: { 204: NoContentSchema, '4xx': ErrorResponseSchema, '5xx': ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      await family.decline(currentUser(request), request.body.token);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/family/links/:id/revoke',
    {
      onRequest: customerOnly,
      schema: { ...common, summary: '取消授权（长辈或家人都可以）', params: FamilyLinkParamsSchema, response: responses(200, FamilyOverviewSchema) },
    },
    async (request) => family.revoke(currentUser(request), request.params.id),
  );
};
