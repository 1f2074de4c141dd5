/**
 * The process: validate the environment, open the database, migrate, seed the demo city when
 * enabled, listen, and on SIGTERM/SIGINT stop taking requests before closing the database.
 */
import { systemClock } from '@domain';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { openDatabase, runMigrations, type Db } from './db';
import { seedDemoData } from './seed';
import { notificationDeps, startNotificationWorkers } from './modules/notifications/workers';

async function main(): Promise<void> {
  const config = loadConfig();
  const bootStarted = Date.now();
  const db: Db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    onIdleError: (err) => console.error('database connection lost (the pool will reconnect):', err.message),
  });
  const app = await buildApp({ config, db, clock: systemClock });
  const applied = await runMigrations(db);
  app.log.info({ applied, database: db.kind }, applied.length ? 'migrations applied' : 'schema up to date');
  if (config.seedDemoData && (await seedDemoData(db, systemClock))) app.log.info('demo data seeded');
  if (!config.wechat) app.log.warn('WECHAT_APPID is not set: dev login is on (demo accounts can sign in without WeChat)');
  // After the migrations: the workers deliver the outbox and fire reminders on every instance.
  const workers = startNotificationWorkers(notificationDeps(config, db, systemClock), config.notifications.pollMs, app.log);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      await workers.stop();
      await app.close();
      await db.close();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'error while shutting down');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '127.0.0.1' || config.host === '::' ? 'localhost' : config.host;
  app.log.info({ startupMs: Date.now() - bootStarted }, 'ready');
  console.log(`\n  安心上门 API is listening: http://${shownHost}:${port}/  (API docs: http://${shownHost}:${port}/docs, database: ${db.kind})\n`);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error('Failed to start:', err);
  process.exit(1);
});
