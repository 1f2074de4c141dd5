/** The notification settings are checked at boot with the rest of the environment. */
import { ConfigError, loadConfig } from '../../server/config';

it('has working defaults, and refuses a lease shorter than the calls it must outlast', () => {
  const config = loadConfig({});
  expect(config.notifications).toMatchObject({ pollMs: 1000, leaseSeconds: 60, maxAttempts: 6, sms: { driver: 'record', recorderUrl: null } });
  expect(() => loadConfig({ NOTIFY_LEASE_SECONDS: '10', WECHAT_TIMEOUT_MS: '5000' })).toThrow(/NOTIFY_LEASE_SECONDS \(10\) must be longer/);
  expect(() => loadConfig({ SMS_DRIVER: 'aliyun' })).toThrow(ConfigError);
});

it('needs the real template ids in production with WeChat', () => {
  const production = { NODE_ENV: 'production', WECHAT_APPID: 'wx1', WECHAT_SECRET: 's' };
  expect(() => loadConfig(production)).toThrow(/WECHAT_TEMPLATE_VISIT_STATUS, WECHAT_TEMPLATE_VISIT_REMINDER, WECHAT_TEMPLATE_STAFF_TASK/);
  const ids = { WECHAT_TEMPLATE_VISIT_STATUS: 'a', WECHAT_TEMPLATE_VISIT_REMINDER: 'b', WECHAT_TEMPLATE_STAFF_TASK: 'c' };
  expect(loadConfig({ ...production, ...ids }).notifications.templates).toEqual({ visit_status: 'a', visit_reminder: 'b', staff_task: 'c' });
});
