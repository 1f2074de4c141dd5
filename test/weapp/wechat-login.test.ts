/**
 * Signing in the WeChat way, on the WeChat build: with WeChat configured on the server (pointed at
 * the local fake of WeChat's HTTP API), the mini-program offers only 微信一键登录; wx.login's
 * one-time code goes to our server, which exchanges it with "WeChat" and opens a session. The
 * session_key never reaches the phone.
 */
import { startServer, type RunningServer } from '../e2e/support/server-process';
import { startFakeWechat, type FakeWechat } from '../helpers/fake-wechat';
import { Phones, SET_DATA_LIMIT_BYTES } from './support/session';

let wechat: FakeWechat;
let server: RunningServer;
const phones = new Phones(() => server.url);

beforeAll(async () => {
  wechat = await startFakeWechat();
  server = await startServer(wechat.env());
}, 120_000);

afterAll(async () => {
  phones.closeAll();
  await server?.stop();
  await wechat?.close();
});

test('a new customer signs in with 微信一键登录 and lands on the home page', async () => {
  const phone = await phones.open('wechat customer', { wechat: { fake: wechat, openid: 'o-weapp-journey-1' } });
  const s = phone.screen;
  await s.waitForText('欢迎使用安心上门');
  await s.waitForButton(/^微信一键登录/);
  await phone.idle();
  // No demo accounts when WeChat is configured.
  expect(s.has('请点一下您的名字登录')).toBe(false);

  await s.tap(/^微信一键登录/);
  await s.waitForText('您想办什么事');
  expect(s.has(/微信用户，您好/)).toBe(true);

  // One code, exchanged once, successfully; the phone keeps only our own session token.
  expect(wechat.exchanges).toEqual([{ code: expect.any(String), errcode: 0 }]);
  const sessionKey = wechat.sessionKeyOf(wechat.exchanges[0].code) as string;
  const stored = JSON.stringify(phone.storage('homevisit.token') ?? '');
  expect(stored.length).toBeGreaterThan(10);
  expect(stored).not.toContain(sessionKey);

  // Opened again later, the saved session signs the person straight in.
  const again = await phones.open('wechat customer, next day', { storage: { 'homevisit.token': phone.storage('homevisit.token') } });
  await again.screen.waitForText('您想办什么事');
  expect(wechat.exchanges).toHaveLength(1);

  expect(phones.errors()).toEqual([]);
  expect(phones.report('wechat-login')).toBeLessThan(SET_DATA_LIMIT_BYTES);
});

test('when WeChat refuses the code, the person is told what to do and stays on the sign-in page', async () => {
  const phone = await phones.open('wechat customer, busy WeChat', { wechat: { fake: wechat, openid: 'o-weapp-journey-2' } });
  const s = phone.screen;
  await s.waitForButton(/^微信一键登录/);
  wechat.failNext(-1);
  await s.tap(/^微信一键登录/);
  const message = await s.waitFor('a sign-in error notice', () => s.alerts()[0]);
  expect(message).toMatch(/[\u4e00-\u9fa5]/);
  expect(phone.currentPage.route).toBe('pages/login/index');
  expect(phones.errors()).toEqual([]);
});
