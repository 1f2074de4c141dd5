/**
 * The live channel for the authorisation matrix (see authz-fixtures.ts for the shape). Over plain
 * HTTP, GET /api/live only says how to connect, to anyone; who hears what on the socket is tested
 * in test/server/live-channel.test.ts.
 */
import type { RouteFixture } from './authz-fixtures';

export const LIVE_FIXTURES: Record<string, RouteFixture> = {
  'GET /api/live': { request: () => ({}) },
};
