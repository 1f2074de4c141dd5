import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { BookingFileListSchema, BookingFileSchema, BookingParamsSchema, DomainError, ErrorResponseSchema, FileParamsSchema, MAX_FILE_BYTES } from '@domain';
import { bearerSecurity, responses } from '../../http';
import { currentUser, type Guards } from '../../plugins/auth';
import type { FileService } from './service';

/** Room above the 5 MB limit so a slightly larger photo gets FILE_TOO_LARGE from the service, not a framework error. */
const UPLOAD_BODY_LIMIT = MAX_FILE_BYTES + 1024 * 1024;

export const fileRoutes: FastifyPluginAsyncTypebox<{ files: FileService; guards: Guards }> = async (app, { files, guards }) => {
  // In this plugin only: any body arrives as raw bytes; the service decides whether it is an image.
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: UPLOAD_BODY_LIMIT }, (_request, body, done) => done(null, body));

  app.post(
    '/api/bookings/:id/files',
    {
      onRequest: guards.role('customer'),
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        tags: ['customer'],
        summary: '上传一张材料照片（JPG/PNG/WEBP，不超过 5 MB；请求体就是图片本身）',
        security: bearerSecurity,
        params: BookingParamsSchema,
        response: responses(201, BookingFileSchema),
      },
      // A body far over the limit is stopped by the framework: say so in the same words as the service.
      errorHandler: (err) => {
        throw err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? new DomainError('FILE_TOO_LARGE') : err;
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new DomainError('FILE_TYPE_NOT_ALLOWED');
      return reply.status(201).send(await files.upload(currentUser(request), request.params.id, request.body));
    },
  );

  app.get(
    '/api/bookings/:id/files',
    {
      onRequest: guards.role('customer', 'staff'),
      schema: { tags: ['customer', 'staff'], summary: '这次预约的材料照片', security: bearerSecurity, params: BookingParamsSchema, response: responses(200, BookingFileListSchema) },
    },
    async (request) => files.list(currentUser(request), request.params.id),
  );

  app.get(
    '/api/files/:id',
    {
      onRequest: guards.role('customer', 'staff'),
      schema: {
        tags: ['customer', 'staff'],
        summary: '一张材料照片（仅长辈、授权家人和负责的服务人员）',
        security: bearerSecurity,
        params: FileParamsSchema,
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'the image' }), '4xx': ErrorResponseSchema, '5xx': ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const file = await files.read(currentUser(request), request.params.id);
      return reply
        .header('content-type', file.contentType)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.bytes);
    },
  );
};
