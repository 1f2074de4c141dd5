import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HealthResponseSchema } from '@domain';
import type { Db } from '../../db';
import { responses } from '../../http';

/** Liveness and readiness in one: answers only when the database answers `select 1`. */
export const healthRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  const startedAt = Date.now();
  app.get(
    '/health',
    { schema: { tags: ['system'], summary: '健康检查', response: responses(200, HealthResponseSchema) } },
    async () => {
      await db.query('select 1');
      return { status: 'ok' as const, database: db.kind, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) };
    },
  );
};
