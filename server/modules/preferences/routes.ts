import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PreferencesQuerySchema, PreferencesSchema } from '@domain';
import { bearerSecurity, responses } from '../../http';
import { currentUser, type Guards } from '../../plugins/auth';
import type { PreferencesService } from './service';

export const preferencesRoutes: FastifyPluginAsyncTypebox<{ preferences: PreferencesService; guards: Guards }> = async (app, { preferences, guards }) => {
  const customerOnly = guards.role('customer');

  app.get(
    '/api/me/preferences',
    {
      onRequest: customerOnly,
      schema: { tags: ['customer'], summary: '服务偏好（方言、服务人员性别）', security: bearerSecurity, querystring: PreferencesQuerySchema, response: responses(200, PreferencesSchema) },
    },
    async (request) => preferences.get(currentUser(request), request.query.elderId),
  );

  app.put(
    '/api/me/preferences',
    {
      onRequest: customerOnly,
      schema: {
        tags: ['customer'],
        summary: '保存服务偏好（匹配时优先考虑，不会因此约不上）',
        security: bearerSecurity,
        querystring: PreferencesQuerySchema,
        body: PreferencesSchema,
        response: responses(200, PreferencesSchema),
      },
    },
    async (request) => preferences.put(currentUser(request), request.body, request.query.elderId),
  );
};
