/**
 * Builds the real app on a fresh, real database for a test file: an in-memory PGlite by default,
 * or, when DATABASE_URL names a PostgreSQL server, a uniquely named database created on that
 * server and dropped afterwards. Nothing is mocked: tests swap only WeChat and the clock.
 *
 *   const server = await startTestServer({ seed: true });   // in beforeAll (PGlite starts in ~3–5 s)
 *   const res = await server.http('GET', '/health');           // real HTTP on 127.0.0.1
 *   await server.close();                                     // in afterAll
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { Clock } from '@domain';
import { buildApp } from '../../server/app';
import { loadConfig, type AppConfig } from '../../server/config';
import { openDatabase, runMigrations, type Db } from '../../server/db';
import type { WechatClient } from '../../server/modules/auth/wechat-client';
import { seedDemoData } from '../../server/seed';
import { httpClient, type HttpClient } from './http-client';

/** Monday 2030-01-07, 08:00 in China: today's 10:30, 14:00 and 15:30 claim slots are still bookable. */
export const DEFAULT_TEST_NOW = '2030-01-07T00:00:00.000Z';

/** A clock the test sets by hand. */
export class TestClock implements Clock {
  private current: Date;
  constructor(iso: string = DEFAULT_TEST_NOW) {
    this.current = new Date(iso);
  }
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
  advanceMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

export interface TestDatabase {
  db: Db;
  /** The DATABASE_URL of this database (memory:// for PGlite). */
  url: string;
  /** Closes the connection and, on a server, drops the database. */
  destroy(): Promise<void>;
}

function serverUrl(): string | null {
  const url = process.env.DATABASE_URL;
  return url && /^postgres(ql)?:\/\//.test(url) ? url : null;
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database, migrated unless told otherwise. */
export async function createTestDatabase(opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const admin = serverUrl();
  let url = 'memory://';
  let drop = async () => {};
  if (admin) {
    const name = `homevisit_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    await adminQuery(admin, `create database "${name}"`);
    const u = new URL(admin);
    u.pathname = `/${name}`;
    url = u.toString();
    drop = () => adminQuery(admin, `drop database if exists "${name}" with (force)`);
  }
  const db = await openDatabase({ databaseUrl: url, dataDir: '.data/unused' });
  if (opts.migrate !== false) await runMigrations(db);
  return {
    db,
    url,
    destroy: async () => {
      await db.close();
      await drop();
    },
  };
}

export interface StartOptions {
  /** Extra environment for loadConfig (e.g. the fake WeChat's env()). */
  env?: Record<string, string>;
  /** Seed the demo city (default: false; tests make their own data). */
  seed?: boolean;
  clock?: TestClock;
  wechat?: WechatClient | null;
}

export interface TestApp {
  app: FastifyInstance;
  baseUrl: string;
  http: HttpClient;
}

export interface TestServer extends TestApp {
  db: Db;
  clock: TestClock;
  config: AppConfig;
  /** Another app on the same database with a different configuration (closed with the server). */
  variant(env: Record<string, string>, deps?: { wechat?: WechatClient | null }): Promise<TestApp>;
  close(): Promise<void>;
}

function testConfig(url: string, env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    DATABASE_URL: url,
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT_PER_MINUTE: '0',
    H5_DIR: '/nonexistent/h5',
    SEED_DEMO_DATA: 'false',
    // Tests run the lapsed-offer sweep by hand, at the times they choose.
    OFFER_SWEEP_SECONDS: '0',
    ...env,
  });
}

export async function startTestServer(opts: StartOptions = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  const clock = opts.clock ?? new TestClock();
  // Uploaded bytes go to a folder of this server's own (never the repository's .data/), removed at close.
  const filesDir = await mkdtemp(join(tmpdir(), 'homevisit-files-'));
  const env = { FILES_DIR: filesDir, ...opts.env };
  const config = testConfig(database.url, env);
  if (opts.seed) await seedDemoData(database.db, clock);
  const apps: FastifyInstance[] = [];
  const build = async (cfg: AppConfig, wechat?: WechatClient | null): Promise<TestApp> => {
    const app = await buildApp({ config: cfg, db: database.db, clock, wechat });
    apps.push(app);
    const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    return { app, baseUrl, http: httpClient(baseUrl) };
  };
  const main = await build(config, opts.wechat);
  return {
    ...main,
    db: database.db,
    clock,
    config,
    variant: (extra, deps = {}) => build(testConfig(database.url, { ...env, ...extra }), deps.wechat),
    close: async () => {
      for (const a of apps) await a.close();
      await database.destroy();
      await rm(filesDir, { recursive: true, force: true });
    },
  };
}
