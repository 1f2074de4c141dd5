/**
 * The family journey in the H5 build against the real server and database, with two phones: 陈磊
 * (王桂兰's son, no link yet) invites his mother; she opens the link on her own phone, signs in and
 * consents with one tap; he books a claim visit for her and follows its timeline; she revokes, and
 * he can no longer see the visit.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { currentPage, launchBrowser, phoneContext, stepShooter } from './support/browser';
import { startServer, type RunningServer } from './support/server-process';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const shot = stepShooter('family-journey');

async function newPhone(who: string): Promise<Page> {
  const context = await phoneContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${who}: ${e.message}`));
  return page;
}

/** Waits until the page on screen shows this text (Taro slides pages in; wait for the new one). */
async function shows(page: Page, text: string | RegExp): Promise<void> {
  await currentPage(page).getByText(text).first().waitFor({ timeout: 20_000 });
}

const button = (page: Page, name: string | RegExp) => currentPage(page).getByRole('button', { name }).first();

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

/** The claim booking steps, for whoever the draft is for (as in claim-journey). */
async function bookInpatientClaim(page: Page): Promise<void> {
  await shows(page, '要办哪一种理赔');
  await button(page, /^住院医疗/).click();
  await button(page, /^我知道了/).click();
  const address = currentPage(page).locator('[role=button][aria-pressed]').first();
  await address.waitFor({ timeout: 20_000 });
  await shows(page, '常德路');
  await address.click();
  const slot = currentPage(page).locator('#slots [role=button]').first();
  await slot.waitFor({ timeout: 20_000 });
  await slot.click();
  await button(page, /^下一步/).click();
  await shows(page, '请核对预约信息');
  await shows(page, '王桂兰');
  await shot(page, 'son-confirm-for-mother');
  await button(page, /^确认预约/).click();
}

test('a son invites his mother, she consents on her phone, he books for her, and her revoking ends his access', async () => {
  // 陈磊 signs in: nobody has consented to him yet.
  const son = await newPhone('son');
  await son.goto(`${server.url}/`);
  await shows(son, '欢迎使用安心上门');
  await button(son, /^陈磊/).click();
  await shows(son, '您想办什么事');
  await son.goto(`${server.url}/#/family/pages/list/index`);
  await shows(son, '还没有关联的家人');
  await shot(son, 'son-family-empty');

  // He invites her, tapping what he is to her; the page gives him a link to send.
  await button(son, /^邀请长辈/).click();
  await shows(son, '您是长辈的什么人');
  await button(son, /^儿子/).click();
  await shows(son, '邀请已准备好');
  const link = ((await currentPage(son).locator('[data-testid=invite-link]').textContent()) ?? '').trim();
  expect(link).toMatch(new RegExp(`^${server.url}/#/family/pages/consent/index\\?token=[A-Za-z0-9_-]{43}$`));
  await shot(son, 'son-invitation-ready');

  // His mother opens the link on her own phone, signed out: she signs in right there.
  const mother = await newPhone('mother');
  await mother.goto(link);
  await shows(mother, '请先登录');
  await shot(mother, 'mother-invitation-sign-in');
  await button(mother, /^王桂兰/).click();
  // She sees who asks, as what, and what he will be able to do.
  await shows(mother, '陈磊');
  await shows(mother, '说他（她）是您的儿子');
  await shows(mother, '为您预约上门服务');
  await shows(mother, '查看您的预约和每一步进度');
  await shot(mother, 'mother-invitation');
  await button(mother, /^同意/).click();
  await shows(mother, '您已同意');
  await shot(mother, 'mother-consented');

  // Back on his phone: she is listed, with no visit yet; he books a claim visit for her.
  await button(son, /^回到我的家人/).click();
  await button(son, /^刷新/).click();
  await shows(son, '我关注的长辈（1）');
  await shows(son, '您是王桂兰的儿子');
  await shows(son, '目前没有待上门的预约');
  await shot(son, 'son-family-linked');
  await button(son, /^为王桂兰预约上门理赔/).click();
  await bookInpatientClaim(son);

  // He sees the visit and its timeline, as she would.
  await shows(son, '现在的状态');
  await shows(son, '等待服务人员确认');
  await shows(son, '您提交了预约');
  await shows(son, /已为您安排.*等待确认/);
  const visitUrl = son.url();
  expect(visitUrl).toMatch(/visit\/pages\/detail\/index\?id=/);
  await shot(son, 'son-visit-timeline');

  // 我的家人 now shows her next visit.
  await son.goto(`${server.url}/#/family/pages/list/index`);
  await shows(son, '下一次上门：');
  await shows(son, '等待服务人员确认');
  await shot(son, 'son-family-next-visit');

  // She revokes his access: one tap, then a confirmation.
  await button(mother, /^查看我的家人/).click();
  await shows(mother, '可以帮我预约的家人（1）');
  await button(mother, /^查看或取消陈磊的授权/).click();
  await shows(mother, '陈磊（您的儿子）');
  await shot(mother, 'mother-link');
  await button(mother, /^取消授权/).click();
  await mother.getByText(/陈磊马上就不能再为您预约/).waitFor();
  await shot(mother, 'mother-revoke-asked');
  await mother.getByText('确定取消', { exact: true }).last().click();
  await shows(mother, /已取消授权/);
  await shot(mother, 'mother-revoked');

  // From now on he cannot see the visit, and she is gone from his list.
  await son.goto(visitUrl);
  await shows(son, /没有找到这条信息/);
  await shot(son, 'son-visit-gone');
  await son.goto(`${server.url}/#/family/pages/list/index`);
  await shows(son, '还没有关联的家人');
  await expect(currentPage(son).getByText('王桂兰').count()).resolves.toBe(0);
  await shot(son, 'son-family-after-revoke');

  expect(pageErrors).toEqual([]);
});
