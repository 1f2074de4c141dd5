/**
 * GET /api/live: the WebSocket the app keeps open while it is in the foreground. The session token
 * comes as the first message (`{ "type": "auth", "token": … }`), not in the URL or a header, so it
 * never lands in access logs; WeChat's connectSocket and the browser's WebSocket both can send it.
 * A plain HTTP GET (no upgrade) says how to connect, and nothing else.
 */
import websocket from '@fastify/websocket';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorResponseSchema } from '@domain';
import { LIVE_AUTH_TIMEOUT_MS } from '@domain/live';
import type { LiveHub } from './hub';

/** The app sends only `auth` and `ping`: anything bigger is not ours. */
const MAX_MESSAGE_BYTES = 4096;

const SUMMARY = '实时状态（WebSocket）：连上后先发送 {"type":"auth","token":"…"}，之后服务器推送您能看到的上门的状态变化';

/** What a plain GET answers: how to talk to this endpoint (no data of anyone's). */
const LiveInfoSchema = Type.Object({
  protocol: Type.Literal('websocket'),
  firstMessage: Type.Literal('auth'),
  authTimeoutSeconds: Type.Integer(),
  heartbeatSeconds: Type.Integer(),
});

export const liveRoutes: FastifyPluginAsyncTypebox<{ hub: LiveHub; heartbeatSeconds: number }> = async (app, { hub, heartbeatSeconds }) => {
  await app.register(websocket, { options: { maxPayload: MAX_MESSAGE_BYTES } });
  app.route({
    method: 'GET',
    url: '/api/live',
    schema: {
      tags: ['live'],
      summary: SUMMARY,
      description:
        'Upgrade to a WebSocket. Pushes: `{type:"visit", bookingId, version, status}` and `{type:"eta", bookingId, at, distanceKm}`; ' +
        'then read the view over REST. Without an upgrade: how to connect.',
      response: { 200: LiveInfoSchema, '4xx': ErrorResponseSchema, '5xx': ErrorResponseSchema },
    },
    handler: async () => ({ protocol: 'websocket' as const, firstMessage: 'auth' as const, authTimeoutSeconds: LIVE_AUTH_TIMEOUT_MS / 1000, heartbeatSeconds }),
    wsHandler: (socket) => hub.accept(socket),
  });
};
