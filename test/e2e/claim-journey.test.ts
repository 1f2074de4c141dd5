/**
 * 上门理赔 in the H5 build against the real server process and database: an elder books a claim
 * (her draft surviving a reload), the matched staff member confirms it in their own browser, and
 * the elder's visit page shows 已确认 with the staff card and the timeline in Chinese; the network
 * drops mid-submit and one retry makes exactly one booking; a family member books for the elder
 * with a photo of a document and their own phone as the contact.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { currentPage, launchBrowser, phoneContext, stepShooter } from './support/browser';
import { bookingsOf, button, shows, signIn, tapFirstTime, tokenOf } from './support/booking-steps';
import { cameraSizedJpeg, jpegSize, ONE_PIXEL_PNG } from './support/photos';
import { startServer, type RunningServer } from './support/server-process';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const shot = stepShooter('claim-journey');

async function openApp(who: string): Promise<Page> {
  const context = await phoneContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${who}: ${e.message}`));
  await page.goto(`${server.url}/`);
  return page;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

test('an elder books a home-visit claim and sees it confirmed by the matched staff member', async () => {
  // The customer signs in and starts a claim.
  const customer = await openApp('customer');
  await signIn(customer, /^张秀英/);
  await shows(customer, '您想办什么事');
  await shot(customer, 'customer-home');
  await button(customer, /^上门理赔/).click();

  // Taps a claim type and is told, before booking, which documents to have ready.
  await shows(customer, '要办哪一种理赔');
  await button(customer, /^住院医疗/).click();
  await shows(customer, '出院小结');
  await shot(customer, 'customer-claim-type-checklist');
  await button(customer, /^我知道了/).click();

  // Picks a saved address.
  await shows(customer, '请工作人员到哪里');
  const home = currentPage(customer).locator('[role=button][aria-pressed]').first();
  await home.waitFor();
  await shot(customer, 'customer-address');
  await home.click();

  // Picks the first time the server says someone can serve, and types a note.
  await shows(customer, '哪天、几点上门');
  const slotLabel = await tapFirstTime(customer);
  expect(slotLabel).toMatch(/\d+:\d\d/);
  await currentPage(customer).getByLabel(/^给服务人员的留言/).locator('input').fill('住 3 楼，没有电梯');

  // The phone reloads the app (or WeChat closes it): nothing tapped or typed is lost.
  await customer.reload();
  await shows(customer, '哪天、几点上门');
  await expect(currentPage(customer).getByLabel(/^给服务人员的留言/).locator('input').inputValue()).resolves.toBe('住 3 楼，没有电梯');
  await currentPage(customer).locator('#slots [role=button][aria-pressed=true]').first().waitFor();
  await shot(customer, 'customer-time');
  await button(customer, /^下一步/).click();

  // Reads the summary and the anti-fraud notice, and confirms.
  await shows(customer, '请核对预约信息');
  await shows(customer, '住院医疗');
  await shows(customer, '住 3 楼，没有电梯');
  await shows(customer, /不会.*银行卡/);
  await shot(customer, 'customer-confirm');
  await button(customer, /^确认预约/).click();

  // The visit page: offered to a named staff member, waiting for their confirmation.
  await shows(customer, '现在的状态');
  await shows(customer, '等待服务人员确认');
  const nameLine = currentPage(customer).getByText(/^姓名：/).first();
  await nameLine.waitFor();
  const staffName = ((await nameLine.textContent()) ?? '').replace('姓名：', '').trim();
  expect(staffName).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
  await shot(customer, 'customer-visit-offered');

  // The staff member signs in on another phone, sees the visit in their task list and confirms it.
  const staff = await openApp('staff');
  await signIn(staff, new RegExp(`^${staffName}`));
  await shows(staff, '分配给您的任务');
  await shows(staff, '住院医疗');
  await shows(staff, '张**');
  await shot(staff, 'staff-tasks');
  await button(staff, /^确认接单/).click();
  await shows(staff, '已确认');
  await expect(button(staff, /^确认接单/).count()).resolves.toBe(0);
  await shot(staff, 'staff-confirmed');

  // Back on the elder's phone: 已确认, the staff member's card with photo and staff number, the timeline.
  await button(customer, /^刷新/).click();
  const status = currentPage(customer).locator('[data-testid=visit-status]');
  await status.getByText('已确认').first().waitFor({ timeout: 20_000 });
  await shows(customer, `姓名：${staffName}`);
  await shows(customer, /^工号：AX\d{4}$/);
  // The photo really loaded from the server (not a broken image).
  const photo = currentPage(customer).locator('img').first();
  await photo.waitFor();
  await customer.waitForFunction((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0, await photo.elementHandle(), { timeout: 10_000 });
  await shows(customer, '您提交了预约');
  await shows(customer, /已为您安排.*等待确认/);
  await shows(customer, /已确认，会按约定时间上门/);
  await shot(customer, 'customer-visit-confirmed');

  // The staff member signs out, asked once more so a stray tap does not do it.
  await button(staff, /^退出登录/).click();
  await staff.getByText('确定要退出登录吗？').waitFor();
  await shot(staff, 'staff-sign-out-asked');
  await staff.getByText('退出', { exact: true }).last().click();
  await shows(staff, '欢迎使用安心上门');

  expect(pageErrors).toEqual([]);
});

test('the network drops while the booking is sent; after a reload, one retry makes exactly one booking', async () => {
  const page = await openApp('network');
  const context = page.context();
  await signIn(page, /^王桂兰/);
  await shows(page, '您想办什么事');
  await button(page, /^上门理赔/).click();
  await shows(page, '要办哪一种理赔');
  await button(page, /^门诊/).click();
  await button(page, /^我知道了/).click();
  await shows(page, '请工作人员到哪里');
  await currentPage(page).locator('[role=button][aria-pressed]').first().click();
  await shows(page, '哪天、几点上门');
  await tapFirstTime(page);
  await currentPage(page).getByLabel(/^给服务人员的留言/).locator('input').fill('请先打电话给我儿子');
  await button(page, /^下一步/).click();
  await shows(page, '请核对预约信息');

  // The request reaches the server (which makes the booking), then the phone loses its signal
  // before the answer arrives.
  let sent = 0;
  await page.route('**/api/bookings', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    sent += 1;
    if (sent > 1) return route.continue();
    await route.fetch();
    await context.setOffline(true);
    await route.abort('internetdisconnected');
  });
  await button(page, /^确认预约/).click();
  const error = currentPage(page).locator('[data-testid=submit-error]');
  await error.getByText(/网络连接不上/).waitFor({ timeout: 20_000 });
  await shows(page, '请先打电话给我儿子');
  await shot(page, 'network-dropped');

  // Still offline, a second tap cannot get through either; everything stays on the screen.
  await button(page, /^再试一次/).click();
  await error.getByText(/网络连接不上/).waitFor();

  // Signal is back; the person even reloads the app. The draft (and its key) are still there.
  await context.setOffline(false);
  await page.reload();
  await shows(page, '请核对预约信息');
  await shows(page, '请先打电话给我儿子');
  await shot(page, 'network-back-after-reload');
  await button(page, /^确认预约/).click();
  await shows(page, '现在的状态');

  const mine = (await bookingsOf(server.url, await tokenOf(page))).filter((b) => b.note === '请先打电话给我儿子');
  expect(mine).toHaveLength(1);
  expect(sent).toBeGreaterThanOrEqual(2);
  expect(pageErrors.filter((e) => e.startsWith('network'))).toEqual([]);
});

test('a family member books for the elder with a photo of a document, and gives their own phone as the contact', async () => {
  const page = await openApp('family');
  await signIn(page, /^李伟/);
  await shows(page, '您想办什么事');
  await button(page, /^上门理赔/).click();
  await shows(page, '这次是为谁预约');
  await button(page, /^张秀英/).click();
  await shows(page, '要办哪一种理赔');
  await button(page, /^住院医疗/).click();

  // Photographs the discharge summary in advance (the browser's file picker stands in for the camera).
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button(page, /^拍照或选照片/).click()]);
  await chooser.setFiles({ name: 'discharge.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
  await currentPage(page).getByRole('img', { name: '第 1 张材料照片' }).waitFor();
  // Then one straight from a phone camera: over the server's 5 MB, so the phone makes it smaller.
  const camera = await cameraSizedJpeg(page);
  expect(camera.length).toBeGreaterThan(5 * 1024 * 1024);
  const [second] = await Promise.all([page.waitForEvent('filechooser'), button(page, /^再拍一张或再选一张/).click()]);
  await second.setFiles({ name: 'IMG_0412.jpg', mimeType: 'image/jpeg', buffer: camera });
  await currentPage(page).getByRole('img', { name: '第 2 张材料照片' }).waitFor();
  await shot(page, 'family-document-photo');
  await button(page, /^我知道了/).click();

  await shows(page, '请工作人员到哪里');
  await currentPage(page).locator('[role=button][aria-pressed]').first().click();
  await shows(page, '哪天、几点上门');
  await tapFirstTime(page);
  await button(page, /^下一步/).click();

  await shows(page, '请核对预约信息');
  await shows(page, '2 张，预约成功后发给服务人员');
  await shows(page, '服务人员打电话联系谁');
  await button(page, /^我（李伟）/).click();
  await shot(page, 'family-confirm');
  await button(page, /^确认预约/).click();
  await shows(page, '现在的状态');

  const token = await tokenOf(page);
  const [booking] = (await bookingsOf(server.url, token)).filter((b) => b.elder.name === '张秀英' && b.contact === 'booker');
  expect(booking).toBeDefined();
  const files = await (await fetch(`${server.url}/api/bookings/${booking.id}/files`, { headers: { authorization: `Bearer ${token}` } })).json();
  expect(files).toHaveLength(2);
  expect(files[0]).toMatchObject({ contentType: 'image/png', sizeBytes: ONE_PIXEL_PNG.length });
  // The camera photo arrived, smaller: a JPEG at most 2048 px on its longer side, the shape kept.
  expect(files[1]).toMatchObject({ contentType: 'image/jpeg' });
  expect(files[1].sizeBytes).toBeLessThan(5 * 1024 * 1024);
  const stored = Buffer.from(await (await fetch(`${server.url}/api/files/${files[1].id}`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer());
  expect(stored.length).toBe(files[1].sizeBytes);
  expect(jpegSize(stored)).toEqual({ width: 2048, height: 1536 });
  expect(pageErrors.filter((e) => e.startsWith('family'))).toEqual([]);
});
