/**
 * The first journey, on the WeChat build: an elder books a home-visit claim in one simulated
 * WeChat, the matched staff member confirms it in another, and the elder sees 已确认 with the
 * staff member's card and the timeline. Same steps as the H5 journey (test/e2e/claim-journey),
 * against the real server process and database.
 */
import { startServer, type RunningServer } from '../e2e/support/server-process';
import { httpCall } from './sim/http';
import { attr } from './sim/screen';
import { Phones, SET_DATA_LIMIT_BYTES } from './support/session';

let server: RunningServer;
const phones = new Phones(() => server.url);

beforeAll(async () => {
  server = await startServer();
}, 120_000);

afterAll(async () => {
  phones.closeAll();
  await server?.stop();
});

test('an elder books a home-visit claim in WeChat and sees it confirmed by the matched staff member', async () => {
  const customer = await phones.open('customer');
  const c = customer.screen;
  await c.waitForText('欢迎使用安心上门');
  await c.tap(/^张秀英/);
  await c.waitForText('您想办什么事');
  await c.tap(/^上门理赔/);

  // A claim type, and before booking the documents to have ready.
  await c.waitForText('要办哪一种理赔');
  await c.tap(/^住院医疗/);
  await c.waitForText('出院小结');
  await c.tap(/^我知道了/);

  // A saved address (the first choice on the page).
  await c.waitForText('请工作人员到哪里');
  const address = await c.waitFor('a saved address', () => customer.currentPage.container.querySelector('.btn--choice') ?? undefined);
  c.touch(address);

  // The first time the server says someone can serve.
  await c.waitForText('哪天、几点上门');
  const slot = await c.waitFor('a free slot', () => {
    const box = c.byId('slots');
    return box ? c.buttonsIn(box)[0] : undefined;
  });
  expect(slot.label).toMatch(/\d+:\d\d/);
  c.touch(slot.el);
  await c.tap(/^下一步/);

  // The summary with the anti-fraud notice, then confirm.
  await c.waitForText('请核对预约信息');
  await c.waitForText('住院医疗');
  await c.waitForText(/不会.*银行卡/);
  await c.tap(/^确认预约/);

  // Offered to a named staff member, waiting for their confirmation.
  await c.waitForText('现在的状态');
  await c.waitForText('等待服务人员确认');
  const staffName = (await c.waitForText(/^姓名：/)).replace('姓名：', '').trim();
  expect(staffName).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);

  // The staff member, on another phone, sees the visit in the task list and confirms it.
  const staff = await phones.open('staff');
  const s = staff.screen;
  await s.waitForText('欢迎使用安心上门');
  await s.tap(new RegExp(`^${staffName}`));
  await s.waitForText('分配给您的任务');
  await s.waitForText('住院医疗');
  await s.waitForText('张**');
  await s.tap(/^确认接单/);
  await s.waitForText('已确认');
  await staff.idle();
  expect(s.button(/^确认接单/)).toBeUndefined();

  // Back on the elder's phone: 已确认, the staff card with staff number and photo, the timeline.
  await c.tap(/^刷新/);
  await c.waitForText(/^已确认$/);
  await c.waitForText(`姓名：${staffName}`);
  await c.waitForText(/^工号：AX\d{4}$/);
  await c.waitForText('您提交了预约');
  await c.waitForText(/已为您安排.*等待确认/);
  await c.waitForText(/已确认，会按约定时间上门/);
  // The photo's address is the server's (as built in) and the server really has that image.
  const photo = customer.currentPage.container.querySelector('wx-image');
  const src = photo ? attr(photo, 'src') : '';
  expect(src).toMatch(/^http:\/\/localhost:3000\//);
  const image = await httpCall({ url: src.replace('http://localhost:3000', server.url) });
  expect(image.status).toBe(200);
  expect(image.headers['content-type']).toMatch(/^image\//);

  // The staff member signs out, asked once more (WeChat's modal) so a stray tap does not do it.
  await s.tap(/^退出登录/);
  await s.waitForText('欢迎使用安心上门');
  expect(staff.modals.map((m) => `${m.title}${m.content}`).join()).toMatch(/退出登录/);

  expect(phones.errors()).toEqual([]);
  expect(phones.report('claim')).toBeLessThan(SET_DATA_LIMIT_BYTES);
});
