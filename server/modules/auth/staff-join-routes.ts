import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { onRequestAsyncHookHandler } from 'fastify';
import { SessionResponseSchema, StaffInviteAcceptBodySchema, StaffInvitePreviewSchema, StaffInviteTokenBodySchema } from '@domain';
import { responses } from '../../http';
import type { StaffJoining } from './staff-joining';

export interface StaffJoinRoutesOptions {
  joining: StaffJoining;
  signInLimit: onRequestAsyncHookHandler;
}

/** Open to anyone (the token is the capability), rate-limited like sign-in. */
export const staffJoinRoutes: FastifyPluginAsyncTypebox<StaffJoinRoutesOptions> = async (app, { joining, signInLimit }) => {
  app.post(
    '/api/auth/staff-invitations/preview',
    {
      onRequest: signInLimit,
      schema: { tags: ['auth'], summary: '查看服务人员邀请：是谁的账号、工号、有效期', body: StaffInviteTokenBodySchema, response: responses(200, StaffInvitePreviewSchema) },
    },
    async (request) => joining.preview(request.body.token),
  );

  app.post(
    '/api/auth/staff-invitations/accept',
    {
      onRequest: signInLimit,
      schema: { tags: ['auth'], summary: '接受服务人员邀请并登录（配置微信时绑定这个微信）', body: StaffInviteAcceptBodySchema, response: responses(200, SessionResponseSchema) },
    },
    async (request) => joining.accept(request.body),
  );
};
