import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { onRequestAsyncHookHandler } from 'fastify';
import { DemoUsersResponseSchema, DevLoginBodySchema, ErrorResponseSchema, SessionResponseSchema, UserViewSchema, WechatLoginBodySchema } from '@domain';
import { bearerSecurity, NoContentSchema, responses } from '../../http';
import { bearerToken, currentUser, type Guards } from '../../plugins/auth';
import type { AuthService } from './service';

export interface AuthRoutesOptions {
  auth: AuthService;
  guards: Guards;
  signInLimit: onRequestAsyncHookHandler;
}

export const authRoutes: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (app, { auth, guards, signInLimit }) => {
  app.get(
    '/api/auth/demo-users',
    { schema: { tags: ['auth'], summary: '体验账号列表（仅未配置微信时）', response: responses(200, DemoUsersResponseSchema) } },
    async () => auth.demoUsers(),
  );

  app.post(
    '/api/auth/dev-login',
    {
      onRequest: signInLimit,
      schema: { tags: ['auth'], summary: '体验登录（仅未配置微信时）', body: DevLoginBodySchema, response: responses(200, SessionResponseSchema) },
    },
    async (request) => auth.devLogin(request.body.userId),
  );

  app.post(
    '/api/auth/wechat-login',
    {
      onRequest: signInLimit,
      schema: { tags: ['auth'], summary: '微信登录（wx.login 的 code）', body: WechatLoginBodySchema, response: responses(200, SessionResponseSchema) },
    },
    async (request) => auth.wechatLogin(request.body.code),
  );

  app.post(
    '/api/auth/logout',
    {
      onRequest: guards.signedIn,
      schema: {
        tags: ['auth'],
        summary: '退出登录',
        security: bearerSecurity,
        response: { 204: NoContentSchema, '4xx': ErrorResponseSchema, '5xx': ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      await auth.logout(bearerToken(request) ?? '');
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me',
    { onRequest: guards.signedIn, schema: { tags: ['auth'], summary: '当前登录的人', security: bearerSecurity, response: responses(200, UserViewSchema) } },
    async (request) => auth.me(currentUser(request)),
  );
};
