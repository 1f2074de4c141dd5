import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyError } from 'fastify';
import { BookingFileSchema, BookingParamsSchema, DomainError, MAX_FILE_BYTES, StaffPhotoQuerySchema, VisitRecordSchema } from '@domain';
import { bearerSecurity, responses } from '../../http';
import { currentUser, type Guards } from '../../plugins/auth';
import { IdempotencyHeadersSchema } from '../staff/idempotency';
import type { StaffUploads } from './uploads';

/** Room above the 5 MB limit so a slightly larger photo gets FILE_TOO_LARGE from the service, not a framework error. */
const UPLOAD_BODY_LIMIT = MAX_FILE_BYTES + 1024 * 1024;

/** A body far over the limit is stopped by the framework: say so in the same words as the service. */
function tooLarge(err: FastifyError) {
  throw err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? new DomainError('FILE_TOO_LARGE') : err;
}

function bytesOf(body: unknown): Buffer {
  if (!Buffer.isBuffer(body)) throw new DomainError('FILE_TYPE_NOT_ALLOWED');
  return body;
}

/** Photos and the signature, sent as the image itself (as the customer's upload is). */
export const staffUploadRoutes: FastifyPluginAsyncTypebox<{ uploads: StaffUploads; guards: Guards }> = async (app, { uploads, guards }) => {
  // In this plugin only: any body arrives as raw bytes; the service decides whether it is an image.
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: UPLOAD_BODY_LIMIT }, (_request, body, done) => done(null, body));
  const staffOnly = guards.role('staff');

  app.post(
    '/api/staff/tasks/:id/files',
    {
      onRequest: staffOnly,
      bodyLimit: UPLOAD_BODY_LIMIT,
      errorHandler: tooLarge,
      schema: {
        tags: ['staff'],
        summary: '拍一张材料照片（JPG/PNG/WEBP，不超过 5 MB；?item=doc-N 指明是哪一项材料；请求体就是图片本身）',
        security: bearerSecurity,
        headers: IdempotencyHeadersSchema,
        params: BookingParamsSchema,
        querystring: StaffPhotoQuerySchema,
        response: responses(201, BookingFileSchema, 200),
      },
    },
    async (request, reply) => {
      const { file, created } = await uploads.photo(currentUser(request), request.params.id, request.query.item, bytesOf(request.body), request.headers['idempotency-key']);
      return reply.status(created ? 201 : 200).send(file);
    },
  );

  app.post(
    '/api/staff/tasks/:id/signature',
    {
      onRequest: staffOnly,
      bodyLimit: UPLOAD_BODY_LIMIT,
      errorHandler: tooLarge,
      schema: {
        tags: ['staff'],
        summary: '客户在屏幕上的签名（PNG，不超过 512 KB；再签一次会替换上一次）',
        security: bearerSecurity,
        headers: IdempotencyHeadersSchema,
        params: BookingParamsSchema,
        response: responses(200, VisitRecordSchema),
      },
    },
    async (request) => uploads.signature(currentUser(request), request.params.id, bytesOf(request.body), request.headers['idempotency-key']),
  );
};
