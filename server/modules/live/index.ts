/**
 * The live channel of one API instance: the change bus (every instance hears every change), the
 * hub (this instance's sockets) and GET /api/live. Closed with the app.
 */
import type { FastifyInstance } from 'fastify';
import type { Clock } from '@domain';
import type { AppConfig } from '../../config';
import type { Db } from '../../db';
import { openChangeBus } from '../../db/bus';
import { LiveHub } from './hub';
import { liveRoutes } from './routes';

export { announceArrivalEstimate, announceRecordChange, announceVisitChange } from './announce';

export async function registerLive(app: FastifyInstance, deps: { db: Db; clock: Clock; config: AppConfig }): Promise<LiveHub> {
  const bus = await openChangeBus({ db: deps.db, databaseUrl: deps.config.databaseUrl, log: app.log });
  const hub = new LiveHub(deps.db, deps.clock, bus, deps.config.live, app.log);
  app.addHook('onClose', async () => {
    hub.close();
    await bus.close();
  });
  await app.register(liveRoutes, { hub, heartbeatSeconds: deps.config.live.heartbeatSeconds });
  return hub;
}
