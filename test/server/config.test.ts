/** Environment configuration is checked at boot, with every problem named. */
import { ConfigError, loadConfig } from '../../server/config';

describe('loadConfig', () => {
  it('has working defaults for a fresh clone', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      production: false,
      host: '127.0.0.1',
      port: 3000,
      databaseUrl: undefined,
      dataDir: '.data',
      h5Dir: 'dist/h5',
      seedDemoData: true,
      wechat: null,
    });
  });

  it('turns on WeChat when both the app id and secret are set', () => {
    const config = loadConfig({ WECHAT_APPID: 'wx1', WECHAT_SECRET: 's', WECHAT_API_BASE: 'http://127.0.0.1:1234' });
    expect(config.wechat).toEqual({ appId: 'wx1', secret: 's', apiBase: 'http://127.0.0.1:1234', timeoutMs: 5000 });
  });

  it('refuses wrong values, naming them', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ WECHAT_APPID: 'wx1' })).toThrow(/WECHAT_SECRET/);
  });

  it('does not seed or offer dev login in production unless told to', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/WECHAT_APPID/);
    const demo = loadConfig({ NODE_ENV: 'production', ALLOW_DEV_LOGIN_IN_PRODUCTION: 'true' });
    expect(demo.seedDemoData).toBe(false);
    expect(loadConfig({ SEED_DEMO_DATA: 'false' }).seedDemoData).toBe(false);
  });
});
