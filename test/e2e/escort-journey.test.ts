/**
 * 就医陪诊 in the H5 build against the real server: an elder finds a hospital, taps a department,
 * asks to be collected at home in a wheelchair, adds a typed address, picks the appointment time,
 * hears the summary, and books; the server matched an escort-skilled person to a window that
 * starts an hour before the appointment.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { currentPage, launchBrowser, phoneContext, stepShooter } from './support/browser';
import { bookingsOf, button, shows, signIn, tapFirstTime, tokenOf } from './support/booking-steps';
import { startServer, type RunningServer } from './support/server-process';
import { SEED_STAFF } from '../../server/seed/data';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
const pageErrors: string[] = [];
const shot = stepShooter('escort-journey');

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await phoneContext(browser);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

test('an elder books a medical escort with pick-up at home', async () => {
  const page: Page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${server.url}/`);
  await signIn(page, /^张秀英/);
  await shows(page, '您想办什么事');
  await button(page, /^就医陪诊/).click();

  // Hospital: search by a word of its name.
  await shows(page, '去哪家医院看病');
  await shot(page, 'hospital');
  // The box a screen reader lands on (the real <input>) carries the spoken name, not only its placeholder.
  const search = currentPage(page).getByRole('searchbox', { name: '输入医院名字查找' });
  await expect(search.count()).resolves.toBe(1);
  await search.fill('瑞金');
  await shows(page, '找到这些医院');
  await expect(currentPage(page).getByRole('button', { name: /^华山医院/ }).count()).resolves.toBe(0);
  await button(page, /^瑞金医院/).click();

  // Department: one tap.
  await shows(page, '看哪个科');
  await shot(page, 'department');
  await button(page, /^心内科/).click();

  // Pick-up and mobility needs: taps; 下一步 waits for the pick-up answer.
  await shows(page, '需要到家里接您吗');
  await expect(button(page, /^下一步/).getAttribute('aria-disabled')).resolves.toBe('true');
  await button(page, /^要，到家里接我/).click();
  await button(page, /^需要轮椅/).click();
  await expect(button(page, /需要轮椅/).getAttribute('aria-pressed')).resolves.toBe('true');
  await shot(page, 'needs');
  await button(page, /^下一步/).click();

  // Address: a new one, typed, its district tapped.
  await shows(page, '到哪里接您');
  await button(page, /^添加新地址/).click();
  await shows(page, '添加一个新地址');
  await button(page, /^其他$/).click();
  await button(page, /^徐汇区$/).click();
  await currentPage(page).getByLabel(/^详细地址/).locator('input').fill('上海市徐汇区漕溪北路 398 号 3 楼');
  await shot(page, 'new-address');
  await button(page, /^保存并使用这个地址/).click();

  // Appointment time: each offered time says when the escort comes to the door.
  await shows(page, '哪天几点看病');
  const time = await tapFirstTime(page);
  expect(time).toMatch(/陪诊员 .* 到家接您/);
  await shot(page, 'time');
  await button(page, /^下一步/).click();

  // The plain summary, read aloud on request, and the anti-fraud notice.
  await shows(page, '请核对预约信息');
  const summary = currentPage(page).locator('[data-testid=summary]');
  for (const text of ['就医陪诊', '瑞金医院', '心内科', /到家接您，看完送您回家/, '需要轮椅', '漕溪北路 398 号']) {
    await summary.getByText(text).first().waitFor();
  }
  await shows(page, /不会.*银行卡/);
  await button(page, /^读给我听/).click();
  await shot(page, 'confirm');
  await button(page, /^确认预约/).click();

  // The visit page, and what the server really made.
  await shows(page, '现在的状态');
  await shows(page, '等待服务人员确认');
  await shot(page, 'visit-offered');
  const [booking] = await bookingsOf(server.url, await tokenOf(page));
  expect(booking).toMatchObject({
    serviceType: 'escort',
    status: 'offered',
    address: { label: '其他', text: '上海市徐汇区漕溪北路 398 号 3 楼' },
    escort: { hospitalId: 'ruijin', hospitalName: '瑞金医院', department: 'cardiology', pickUp: true, mobility: ['wheelchair'] },
  });
  // Collected an hour before the appointment.
  expect(Date.parse(booking.escort.appointmentAt) - Date.parse(booking.slotStart)).toBe(60 * 60_000);
  const escorts = SEED_STAFF.filter((s) => s.skills.includes('escort')).map((s) => s.staffNo);
  expect(escorts).toContain(booking.staff.staffNo);
  expect(pageErrors).toEqual([]);
});
