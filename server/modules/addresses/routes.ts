import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AddressListSchema, AddressQuerySchema, AddressSchema, CreateAddressBodySchema } from '@domain';
import { bearerSecurity, responses } from '../../http';
import { currentUser, type Guards } from '../../plugins/auth';
import type { AddressService } from './service';

export const addressRoutes: FastifyPluginAsyncTypebox<{ addresses: AddressService; guards: Guards }> = async (app, { addresses, guards }) => {
  app.get(
    '/api/addresses',
    {
      onRequest: guards.role('customer'),
      schema: {
        tags: ['customer'],
        summary: '长辈保存的上门地址',
        security: bearerSecurity,
        querystring: AddressQuerySchema,
        response: responses(200, AddressListSchema),
      },
    },
    async (request) => addresses.list(currentUser(request), request.query.elderId),
  );

  app.post(
    '/api/addresses',
    {
      onRequest: guards.role('customer'),
      schema: {
        tags: ['customer'],
        summary: '保存一个新的上门地址（手动填写或从地图选）',
        security: bearerSecurity,
        body: CreateAddressBodySchema,
        response: responses(201, AddressSchema),
      },
    },
    async (request, reply) => reply.status(201).send(await addresses.create(currentUser(request), request.body)),
  );
};
