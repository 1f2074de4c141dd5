/** Sign-in: dev login (only without WeChat), WeChat login against a local fake, sessions, roles. */
import { ERROR_CATALOG } from '@domain';
import { DEMO_IDS, staffUserId } from '../../server/seed';
import { startFakeWechat, type FakeWechat } from '../helpers/fake-wechat';
import { signIn } from '../helpers/fixtures';
import type { HttpClient } from '../helpers/http-client';
import { startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
let wechat: FakeWechat;
let wechatHttp: HttpClient;

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  wechat = await startFakeWechat();
  wechatHttp = (await server.variant(wechat.env())).http;
});
afterAll(async () => {
  await server.close();
  await wechat.close();
});

describe('dev login (WeChat not configured)', () => {
  it('lists the demo customers, staff and the dispatcher with a Chinese description', async () => {
    const res = await server.http('GET', '/api/auth/demo-users');
    expect(res.status).toBe(200);
    const users = res.json<Array<{ id: string; role: string; name: string; description: string }>>();
    expect(users.find((u) => u.id === DEMO_IDS.elder)).toEqual({ id: DEMO_IDS.elder, role: 'customer', name: '张秀英', description: '长辈 · 78 岁 · 徐汇区' });
    expect(users.find((u) => u.id === DEMO_IDS.family)?.description).toBe('家属 · 可为张秀英预约');
    expect(users.find((u) => u.id === staffUserId('AX1001'))?.description).toBe('服务人员 · 工号 AX1001 · 理赔、伤残鉴定');
    expect(users.filter((u) => u.role === 'staff')).toHaveLength(12);
    expect(users.filter((u) => u.role === 'dispatcher').map((u) => u.description)).toEqual(['调度员 · 调度台（请在电脑浏览器里使用）']);
  });

  it('signs in as a demo user and says whom they may book for', async () => {
    const res = await server.http('POST', '/api/auth/dev-login', { body: { userId: DEMO_IDS.family } });
    expect(res.status).toBe(200);
    const { token, user } = res.json();
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(user).toEqual({ id: DEMO_IDS.family, role: 'customer', name: '李伟', bookFor: [{ id: DEMO_IDS.elder, name: '张秀英' }] });
    const me = await server.http('GET', '/api/me', { token });
    expect(me.json()).toEqual(user);
  });

  it('shows staff their staff number and keeps only a hash of the token', async () => {
    const token = await signIn(server.http, staffUserId('AX1003'));
    const me = await server.http('GET', '/api/me', { token });
    expect(me.json()).toMatchObject({ role: 'staff', name: '陈志强', staffNo: 'AX1003', bookFor: [] });
    const stored = await server.db.query<{ token_hash: string }>('select token_hash from sessions');
    expect(stored.rows.some((r) => r.token_hash === token)).toBe(false);
  });

  it('refuses an unknown user id', async () => {
    const res = await server.http('POST', '/api/auth/dev-login', { body: { userId: '00000000-0000-4000-8000-00000000beef' } });
    expect(res.status).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
  });

  it('ends the session on logout', async () => {
    const token = await signIn(server.http, DEMO_IDS.elder);
    expect((await server.http('POST', '/api/auth/logout', { token })).status).toBe(204);
    const after = await server.http('GET', '/api/me', { token });
    expect(after.status).toBe(401);
  });

  it('answers an expired session with SESSION_EXPIRED', async () => {
    const token = await signIn(server.http, DEMO_IDS.elder);
    server.clock.advanceMinutes(31 * 24 * 60);
    try {
      const res = await server.http('GET', '/api/me', { token });
      expect(res.status).toBe(401);
      expect(res.json()).toEqual({ code: 'SESSION_EXPIRED', message: ERROR_CATALOG.SESSION_EXPIRED.message });
    } finally {
      server.clock.advanceMinutes(-31 * 24 * 60);
    }
  });
});

describe('dev login when WeChat is configured', () => {
  it('is refused with DEV_LOGIN_DISABLED', async () => {
    const list = await wechatHttp('GET', '/api/auth/demo-users');
    expect(list.status).toBe(403);
    expect(list.json()).toEqual({ code: 'DEV_LOGIN_DISABLED', message: ERROR_CATALOG.DEV_LOGIN_DISABLED.message });
    const login = await wechatHttp('POST', '/api/auth/dev-login', { body: { userId: DEMO_IDS.elder } });
    expect(login.status).toBe(403);
    expect(login.json().code).toBe('DEV_LOGIN_DISABLED');
  });
});

describe('WeChat login', () => {
  it('creates a customer on first sign-in, finds them again later, and never returns session_key', async () => {
    const code = wechat.issueCode('openid-new-customer');
    const first = await wechatHttp('POST', '/api/auth/wechat-login', { body: { code } });
    expect(first.status).toBe(200);
    const { token, user } = first.json();
    expect(user).toMatchObject({ role: 'customer', name: '微信用户', bookFor: [] });
    expect(first.text).not.toContain(wechat.sessionKeyOf(code));
    expect(first.text).not.toMatch(/session_?key/i);
    const stored = await server.db.query<{ wechat_session_key: string }>(
      'select s.wechat_session_key from sessions s where s.user_id = $1',
      [user.id],
    );
    expect(stored.rows.map((r) => r.wechat_session_key)).toEqual([wechat.sessionKeyOf(code)]);
    expect((await wechatHttp('GET', '/api/me', { token })).status).toBe(200);

    const again = await wechatHttp('POST', '/api/auth/wechat-login', { body: { code: wechat.issueCode('openid-new-customer') } });
    expect(again.json().user.id).toBe(user.id);
  });

  it('answers an unknown code with WECHAT_CODE_INVALID', async () => {
    const res = await wechatHttp('POST', '/api/auth/wechat-login', { body: { code: 'made-up-code' } });
    expect(res.status).toBe(401);
    expect(res.json()).toEqual({ code: 'WECHAT_CODE_INVALID', message: ERROR_CATALOG.WECHAT_CODE_INVALID.message });
  });

  it('answers a code used twice with WECHAT_CODE_USED', async () => {
    const code = wechat.issueCode('openid-reuse');
    expect((await wechatHttp('POST', '/api/auth/wechat-login', { body: { code } })).status).toBe(200);
    const res = await wechatHttp('POST', '/api/auth/wechat-login', { body: { code } });
    expect(res.status).toBe(401);
    expect(res.json().code).toBe('WECHAT_CODE_USED');
  });

  it.each([45011, -1])('answers WeChat errcode %i with 503 WECHAT_UNAVAILABLE', async (errcode) => {
    wechat.failNext(errcode);
    const res = await wechatHttp('POST', '/api/auth/wechat-login', { body: { code: wechat.issueCode('openid-busy') } });
    expect(res.status).toBe(503);
    expect(res.json()).toEqual({ code: 'WECHAT_UNAVAILABLE', message: ERROR_CATALOG.WECHAT_UNAVAILABLE.message });
  });

  it('answers an unreachable or slow WeChat with 503 WECHAT_UNAVAILABLE', async () => {
    const down = await server.variant({ ...wechat.env(), WECHAT_API_BASE: 'http://127.0.0.1:9' });
    expect((await down.http('POST', '/api/auth/wechat-login', { body: { code: 'any-code' } })).status).toBe(503);
    const slow = await server.variant({ ...wechat.env(), WECHAT_TIMEOUT_MS: '200' });
    wechat.setDelay(1000);
    try {
      const res = await slow.http('POST', '/api/auth/wechat-login', { body: { code: wechat.issueCode('openid-slow') } });
      expect(res.status).toBe(503);
    } finally {
      wechat.setDelay(0);
    }
  });
});

describe('function-level authorisation', () => {
  it('keeps customers off staff routes and staff off customer routes', async () => {
    const customer = await signIn(server.http, DEMO_IDS.elder);
    const staff = await signIn(server.http, staffUserId('AX1001'));
    const onStaffRoute = await server.http('GET', '/api/staff/tasks', { token: customer });
    expect(onStaffRoute.status).toBe(403);
    expect(onStaffRoute.json()).toEqual({ code: 'FORBIDDEN', message: ERROR_CATALOG.FORBIDDEN.message });
    for (const path of ['/api/bookings', `/api/addresses`]) {
      const res = await server.http('GET', path, { token: staff });
      expect(res.status).toBe(403);
    }
  });
});

describe('sign-in rate limit', () => {
  it('answers RATE_LIMITED after too many attempts from one address', async () => {
    const limited = await server.variant({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await limited.http('POST', '/api/auth/dev-login', { body: { userId: DEMO_IDS.elder } })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    server.clock.advanceMinutes(2);
    expect((await limited.http('POST', '/api/auth/dev-login', { body: { userId: DEMO_IDS.elder } })).status).toBe(200);
  });
});
