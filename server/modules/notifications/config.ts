/**
 * The notification settings, validated at boot with the rest of the environment (server/config.ts
 * spreads NOTIFICATION_ENV into its schema and calls notificationConfig).
 */
import { Type, type Static, type TObject } from '@sinclair/typebox';
import type { NotificationTemplate } from '@domain/notifications';

export const NOTIFICATION_ENV = {
  /** How often each instance looks for due deliveries and reminders (ms); 0: never (tests run them by hand). */
  NOTIFY_POLL_MS: Type.Integer({ minimum: 0, maximum: 60_000, default: 1000 }),
  /** How long a worker holds a delivery it took; after that another instance may take it over. */
  NOTIFY_LEASE_SECONDS: Type.Integer({ minimum: 2, maximum: 3600, default: 60 }),
  /** Attempts per channel before it counts as failed and the next channel is tried. */
  NOTIFY_MAX_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 20, default: 6 }),
  /** Deliveries one worker takes at a time. */
  NOTIFY_BATCH_SIZE: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  /** The WeChat subscribe-message template ids chosen in the mini-program console. */
  WECHAT_TEMPLATE_VISIT_STATUS: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  WECHAT_TEMPLATE_VISIT_REMINDER: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  WECHAT_TEMPLATE_STAFF_TASK: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  /** 'record': keep texts in memory (and post them to SMS_RECORDER_URL when set); never a real gateway. */
  SMS_DRIVER: Type.Union([Type.Literal('record')], { default: 'record' }),
  SMS_RECORDER_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  SMS_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 60_000, default: 5000 }),
};

type NotificationEnv = Static<TObject<typeof NOTIFICATION_ENV>>;

export interface SmsConfig {
  driver: 'record';
  /** Where the recording driver also posts each text (a local recorder); null: memory only. */
  recorderUrl: string | null;
  timeoutMs: number;
}

export interface NotificationConfig {
  pollMs: number;
  leaseSeconds: number;
  maxAttempts: number;
  batchSize: number;
  /** Our template → the WeChat template id. */
  templates: Record<NotificationTemplate, string>;
  sms: SmsConfig;
}

/** Placeholder ids for local runs against the fake WeChat; production must name the real ones. */
const DEV_TEMPLATES: Record<NotificationTemplate, string> = {
  visit_status: 'dev-visit-status',
  visit_reminder: 'dev-visit-reminder',
  staff_task: 'dev-staff-task',
};

/** Every problem with the notification settings, in words (empty when fine). */
export function notificationProblems(e: NotificationEnv, opts: { production: boolean; wechat: boolean; wechatTimeoutMs: number }): string[] {
  const problems: string[] = [];
  const slowest = Math.max(opts.wechatTimeoutMs, e.SMS_TIMEOUT_MS);
  // A worker may call WeChat twice in one attempt (a token refresh): the lease must outlast both.
  if (e.NOTIFY_LEASE_SECONDS * 1000 <= 3 * slowest) {
    problems.push(`NOTIFY_LEASE_SECONDS (${e.NOTIFY_LEASE_SECONDS}) must be longer than three times the slowest channel timeout (${slowest} ms)`);
  }
  const missing = (['WECHAT_TEMPLATE_VISIT_STATUS', 'WECHAT_TEMPLATE_VISIT_REMINDER', 'WECHAT_TEMPLATE_STAFF_TASK'] as const).filter((k) => !e[k]);
  if (opts.production && opts.wechat && missing.length > 0) problems.push(`WeChat messages need ${missing.join(', ')} in production`);
  return problems;
}

export function notificationConfig(e: NotificationEnv): NotificationConfig {
  return {
    pollMs: e.NOTIFY_POLL_MS,
    leaseSeconds: e.NOTIFY_LEASE_SECONDS,
    maxAttempts: e.NOTIFY_MAX_ATTEMPTS,
    batchSize: e.NOTIFY_BATCH_SIZE,
    templates: {
      visit_status: e.WECHAT_TEMPLATE_VISIT_STATUS ?? DEV_TEMPLATES.visit_status,
      visit_reminder: e.WECHAT_TEMPLATE_VISIT_REMINDER ?? DEV_TEMPLATES.visit_reminder,
      staff_task: e.WECHAT_TEMPLATE_STAFF_TASK ?? DEV_TEMPLATES.staff_task,
    },
    sms: { driver: e.SMS_DRIVER, recorderUrl: e.SMS_RECORDER_URL ?? null, timeoutMs: e.SMS_TIMEOUT_MS },
  };
}
