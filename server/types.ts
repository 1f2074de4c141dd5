/** Types shared by the server's plugins and modules. */
import type { FastifyBaseLogger } from 'fastify';
import type { AccountRole, Clock } from '@domain';
import type { AppConfig } from './config';
import type { Db } from './db';
import type { WechatClient } from './modules/auth/wechat-client';

/** The signed-in person, as the auth hook puts it on the request. */
export interface AuthUser {
  id: string;
  role: AccountRole;
  name: string;
}

/** What buildApp needs from outside: tests swap the WeChat client or the clock, never the database. */
export interface AppDeps {
  config: AppConfig;
  db: Db;
  clock: Clock;
  /** Absent: built from config.wechat (or none, when WeChat is not configured). */
  wechat?: WechatClient | null;
  /** A ready pino-compatible logger; absent: fastify builds one from config.logLevel. */
  logger?: FastifyBaseLogger;
  /** Where the built logger writes (default stdout); tests read the log lines from here. */
  logStream?: { write(line: string): void };
}

declare module 'fastify' {
  interface FastifyRequest {
    user: AuthUser | null;
  }
}
