import { SessionStore } from '@/stores/session-store';
import { ELDER, FakeApi, NETWORK, STAFF_USER, memoryTokens, serverError } from './fake-api';

function make(token: string | null = null, wechatCode = () => Promise.resolve('wx-code-1')) {
  const api = new FakeApi();
  const tokens = memoryTokens(token);
  const session = new SessionStore({ api, tokens, wechatCode });
  return { api, tokens, session };
}

describe('SessionStore', () => {
  it('without a saved token is signed out and asks nothing', async () => {
    const { api, session } = make();
    await session.restore();
    expect(session.status).toBe('signedOut');
    expect(api.calls).toHaveLength(0);
  });

  it('restores a saved session through /api/me', async () => {
    const { api, session } = make('saved-token');
    await session.restore();
    expect(api.callsOf('me')).toHaveLength(1);
    expect(session.status).toBe('signedIn');
    expect(session.user?.name).toBe(ELDER.name);
    expect(session.booksOnlyForSelf).toBe(true);
  });

  it('forgets an expired token', async () => {
    const { api, tokens, session } = make('old-token');
    api.failNext('me', serverError('SESSION_EXPIRED'));
    await session.restore();
    expect(session.status).toBe('signedOut');
    expect(tokens.get()).toBeNull();
  });

  it('keeps the token when the network is down, and says so in Chinese', async () => {
    const { api, tokens, session } = make('good-token');
    api.failNext('me', NETWORK());
    await session.restore();
    expect(session.status).toBe('error');
    expect(session.error).toMatch(/网络/);
    expect(tokens.get()).toBe('good-token');
  });

  it('signs in as a demo user and saves the token; staff are told apart', async () => {
    const { tokens, session } = make();
    expect(await session.signInAs(STAFF_USER.id)).toBe(true);
    expect(session.status).toBe('signedIn');
    expect(session.isStaff).toBe(true);
    expect(tokens.get()).toBe(`token-${STAFF_USER.id}`);
  });

  it('signs in with a WeChat code', async () => {
    const { api, session } = make();
    expect(await session.signInWithWechat()).toBe(true);
    expect(api.callsOf('wechatLogin')).toEqual([['wx-code-1']]);
  });

  it('a refused WeChat code shows the server message and stays signed out', async () => {
    const { api, session, tokens } = make();
    api.failNext('wechatLogin', serverError('WECHAT_CODE_USED'));
    expect(await session.signInWithWechat()).toBe(false);
    expect(session.error).toBe('这次登录已失效，请重新点击登录。');
    expect(session.status).not.toBe('signedIn');
    expect(tokens.get()).toBeNull();
  });

  it('knows when demo login is disabled (production)', async () => {
    const { api, session } = make();
    api.failNext('demoUsers', serverError('DEV_LOGIN_DISABLED'));
    await session.loadDemoUsers();
    expect(session.demoState).toBe('disabled');
  });

  it('logout clears the token even when the server cannot be reached', async () => {
    const { api, tokens, session } = make('t');
    await session.restore();
    api.failNext('logout', NETWORK());
    await session.logout();
    expect(session.status).toBe('signedOut');
    expect(session.user).toBeNull();
    expect(tokens.get()).toBeNull();
  });

  it('expire() signs out with the reason', async () => {
    const { tokens, session } = make('t');
    await session.restore();
    session.expire('登录已过期，请重新登录。');
    expect(session.status).toBe('signedOut');
    expect(session.error).toBe('登录已过期，请重新登录。');
    expect(tokens.get()).toBeNull();
  });
});
