/** OpenAPI generated from the route schemas, browsable at /docs (the document at /docs/json). */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

export async function registerSwagger(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: '安心上门 HomeVisit API',
        description: '上门理赔与就医陪诊的预约、匹配与跟踪。错误统一为 { code, message }，code 见 domain/errors.ts。',
        version: '0.1.0',
      },
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: '登录后得到的 token' } },
      },
      tags: [
        { name: 'auth', description: '登录与账号' },
        { name: 'customer', description: '长辈与家属' },
        { name: 'staff', description: '服务人员' },
        { name: 'media', description: '图片' },
        { name: 'system', description: '运行状态' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
}
