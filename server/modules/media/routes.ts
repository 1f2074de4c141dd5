import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorResponseSchema } from '@domain';
import type { MediaService } from './service';

const PhotoParamsSchema = Type.Object({ file: Type.String({ minLength: 1, maxLength: 100 }) });

export const mediaRoutes: FastifyPluginAsyncTypebox<{ media: MediaService }> = async (app, { media }) => {
  app.get(
    '/media/staff-photos/:file',
    {
      schema: {
        tags: ['media'],
        summary: '服务人员照片（SVG）',
        params: PhotoParamsSchema,
        response: {
          200: { description: 'SVG image', content: { 'image/svg+xml': { schema: Type.String() } } },
          '4xx': ErrorResponseSchema,
          '5xx': ErrorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const svg = await media.staffPhoto(request.params.file);
      return reply
        .header('content-type', 'image/svg+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .header('x-content-type-options', 'nosniff')
        .send(svg);
    },
  );
};
