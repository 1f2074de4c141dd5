/**
 * Environment configuration, validated once at boot with a TypeBox schema: a wrong value stops
 * the process with a clear message instead of failing later on the first request.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { NOTIFICATION_ENV, notificationConfig, notificationProblems, type NotificationConfig } from './modules/notifications/config';

const Flag = Type.Union([Type.Literal('true'), Type.Literal('false'), Type.Literal('1'), Type.Literal('0')]);

export const EnvSchema = Type.Object({
  NODE_ENV: Type.Optional(Type.String()),
  HOST: Type.String({ default: '127.0.0.1' }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^(memory://|postgres(ql)?://)' })),
  DATA_DIR: Type.String({ default: '.data', minLength: 1 }),
  H5_DIR: Type.String({ default: 'dist/h5', minLength: 1 }),
  /** Uploaded document photos; default: <DATA_DIR>/files. */
  FILES_DIR: Type.Optional(Type.String({ minLength: 1 })),
  SEED_DEMO_DATA: Type.Optional(Flag),
  ALLOW_DEV_LOGIN_IN_PRODUCTION: Type.Optional(Flag),
  WECHAT_APPID: Type.Optional(Type.String()),
  WECHAT_SECRET: Type.Optional(Type.String()),
  WECHAT_API_BASE: Type.String({ default: 'https://api.weixin.qq.com', pattern: '^https?://' }),
  WECHAT_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 60000, default: 5000 }),
  SESSION_TTL_HOURS: Type.Integer({ minimum: 1, maximum: 24 * 90, default: 24 * 30 }),
  LOGIN_RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 0, default: 30 }),
  CHANGE_CUTOFF_MINUTES: Type.Integer({ minimum: 0, maximum: 7 * 24 * 60, default: 120 }),
  OFFER_TTL_MINUTES: Type.Integer({ minimum: 1, maximum: 24 * 60, default: 30 }),
  OFFER_SWEEP_SECONDS: Type.Integer({ minimum: 0, maximum: 3600, default: 30 }),
  MATCH_TARGET_MINUTES: Type.Integer({ minimum: 1, maximum: 24 * 60, default: 15 }),
  ARRIVAL_GRACE_MINUTES: Type.Integer({ minimum: 0, maximum: 24 * 60, default: 15 }),
  /** Live channel: how often sockets are pinged (and their sessions checked). */
  LIVE_HEARTBEAT_SECONDS: Type.Integer({ minimum: 1, maximum: 300, default: 25 }),
  /** Live channel: unread pushes a socket may pile up before it is dropped (KiB). */
  LIVE_MAX_BUFFERED_KB: Type.Integer({ minimum: 1, maximum: 16 * 1024, default: 64 }),
  /** An S3-compatible bucket for uploaded files: all four of these, or none (local disk). */
  S3_ENDPOINT: Type.Optional(Type.String({ pattern: '^https?://' })),
  S3_BUCKET: Type.Optional(Type.String({ minLength: 3, maxLength: 63 })),
  S3_ACCESS_KEY_ID: Type.Optional(Type.String({ minLength: 1 })),
  S3_SECRET_ACCESS_KEY: Type.Optional(Type.String({ minLength: 1 })),
  S3_REGION: Type.Optional(Type.String({ minLength: 1 })),
  S3_FORCE_PATH_STYLE: Type.Optional(Flag),
  /** Notifications: workers, WeChat templates, the SMS driver (modules/notifications/config.ts). */
  ...NOTIFICATION_ENV,
});
export type Env = Static<typeof EnvSchema>;

export interface AppConfig {
  production: boolean;
  host: string;
  port: number;
  logLevel: string;
  /** undefined → PGlite persisted under dataDir; memory:// → in-memory PGlite; postgres:// → server. */
  databaseUrl: string | undefined;
  dataDir: string;
  h5Dir: string;
  /** Where uploaded document photos are kept (created on first upload) unless s3 is set. */
  filesDir: string;
  /** An S3-compatible bucket for uploaded files; null: local disk under filesDir. */
  s3: S3Config | null;
  seedDemoData: boolean;
  /** null while WeChat is not configured: dev login is then on. */
  wechat: { appId: string; secret: string; apiBase: string; timeoutMs: number } | null;
  sessionTtlHours: number;
  /** Sign-in attempts per client address per minute; 0 switches the limit off. */
  loginRateLimitPerMinute: number;
  lifecycle: LifecycleConfig;
  serviceLevels: ServiceLevelConfig;
  notifications: NotificationConfig;
  live: LiveConfig;
}

/** The live channel (GET /api/live). */
export interface LiveConfig {
  /** Sockets are pinged this often; one that missed the last ping is dropped, an ended session closed. */
  heartbeatSeconds: number;
  /** A socket whose unread backlog passes this is dropped (it reconnects and catches up). */
  maxBufferedBytes: number;
}

export interface S3Config {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** bucket in the path (http://host/bucket/key), as MinIO and most S3-compatible stores want. */
  forcePathStyle: boolean;
}

/** The targets the dispatch console measures a day against. */
export interface ServiceLevelConfig {
  /** A booking counts as matched in time when its first offer went out within this long. */
  matchTargetMinutes: number;
  /** An arrival counts as on time up to this long after the start of the visit's window. */
  arrivalGraceMinutes: number;
}

/** The rules of changing a visit that operations may tune. */
export interface LifecycleConfig {
  /** Customers and family may cancel or move a visit in the app until this long before it. */
  changeCutoffMinutes: number;
  /** An offer nobody answers lapses after this long and the booking is matched again. */
  offerTtlMinutes: number;
  /** How often the server looks for lapsed offers; 0 switches the sweep off (tests run it by hand). */
  offerSweepSeconds: number;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const isOn = (flag: string | undefined) => flag === 'true' || flag === '1';

const S3_REQUIRED = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;
const S3_ANY = [...S3_REQUIRED, 'S3_REGION', 'S3_FORCE_PATH_STYLE'] as const;

/** All or nothing: half a bucket configuration would silently keep files on local disk. */
function s3Config(e: Env): S3Config | null {
  const given = S3_ANY.filter((k) => e[k] !== undefined);
  if (given.length === 0) return null;
  const missing = S3_REQUIRED.filter((k) => e[k] === undefined);
  if (missing.length > 0) {
    throw new ConfigError(
      `Invalid environment configuration: S3 storage needs ${S3_REQUIRED.join(', ')} together ` +
        `(${given.join(', ')} set, ${missing.join(', ')} missing). Unset them all to keep files on local disk.`,
    );
  }
  return {
    endpoint: e.S3_ENDPOINT as string,
    bucket: e.S3_BUCKET as string,
    region: e.S3_REGION ?? 'us-east-1',
    accessKeyId: e.S3_ACCESS_KEY_ID as string,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY as string,
    forcePathStyle: e.S3_FORCE_PATH_STYLE === undefined ? true : isOn(e.S3_FORCE_PATH_STYLE),
  };
}

function parseEnv(env: Record<string, string | undefined>): Env {
  const known = Object.fromEntries(
    Object.keys(EnvSchema.properties)
      .filter((k) => env[k] !== undefined && env[k] !== '')
      .map((k) => [k, env[k]]),
  );
  const value = Value.Convert(EnvSchema, Value.Default(EnvSchema, known));
  if (!Value.Check(EnvSchema, value)) {
    const problems = [...Value.Errors(EnvSchema, value)].map((e) => `${e.path.slice(1) || '(env)'}: ${e.message}`);
    throw new ConfigError(`Invalid environment configuration:\n  ${problems.join('\n  ')}`);
  }
  return value;
}

/** Reads and checks the environment; throws ConfigError with every problem listed. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const e = parseEnv(env);
  const production = e.NODE_ENV === 'production';
  if (Boolean(e.WECHAT_APPID) !== Boolean(e.WECHAT_SECRET)) {
    throw new ConfigError('Invalid environment configuration: WECHAT_APPID and WECHAT_SECRET must be set together.');
  }
  // Dev login lets anyone sign in as anyone: a production process must not offer it by accident.
  if (production && !e.WECHAT_APPID && !isOn(e.ALLOW_DEV_LOGIN_IN_PRODUCTION)) {
    throw new ConfigError(
      'Invalid environment configuration: NODE_ENV=production needs WECHAT_APPID/WECHAT_SECRET ' +
        '(or ALLOW_DEV_LOGIN_IN_PRODUCTION=true for a demo deployment).',
    );
  }
  const notifyProblems = notificationProblems(e, { production, wechat: Boolean(e.WECHAT_APPID), wechatTimeoutMs: e.WECHAT_TIMEOUT_MS });
  if (notifyProblems.length > 0) throw new ConfigError(`Invalid environment configuration:\n  ${notifyProblems.join('\n  ')}`);
  return {
    production,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    h5Dir: e.H5_DIR,
    filesDir: e.FILES_DIR ?? `${e.DATA_DIR.replace(/\/+$/, '')}/files`,
    s3: s3Config(e),
    seedDemoData: e.SEED_DEMO_DATA === undefined ? !production : isOn(e.SEED_DEMO_DATA),
    wechat: e.WECHAT_APPID
      ? { appId: e.WECHAT_APPID, secret: e.WECHAT_SECRET ?? '', apiBase: e.WECHAT_API_BASE, timeoutMs: e.WECHAT_TIMEOUT_MS }
      : null,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    lifecycle: {
      changeCutoffMinutes: e.CHANGE_CUTOFF_MINUTES,
      offerTtlMinutes: e.OFFER_TTL_MINUTES,
      offerSweepSeconds: e.OFFER_SWEEP_SECONDS,
    },
    serviceLevels: { matchTargetMinutes: e.MATCH_TARGET_MINUTES, arrivalGraceMinutes: e.ARRIVAL_GRACE_MINUTES },
    notifications: notificationConfig(e),
    live: { heartbeatSeconds: e.LIVE_HEARTBEAT_SECONDS, maxBufferedBytes: e.LIVE_MAX_BUFFERED_KB * 1024 },
  };
}
