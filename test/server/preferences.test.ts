/** 我的 → 服务偏好: dialect and preferred staff gender, read by matching; the elder's or a consenting elder's. */
import { createCustomer, linkFamily, signIn } from '../helpers/fixtures';
import { startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const get = (token: string, q = '') => server.http('GET', `/api/me/preferences${q}`, { token });
const put = (token: string, body: unknown, q = '') => server.http('PUT', `/api/me/preferences${q}`, { token, body });

it('starts with no preference, saves a dialect and a gender, and clears them again', async () => {
  const elder = await createCustomer(server.db);
  const token = await signIn(server.http, elder.id);
  expect((await get(token)).json()).toEqual({ dialect: null, preferredStaffGender: null });
  const saved = await put(token, { dialect: '上海话', preferredStaffGender: 'female' });
  expect([saved.status, saved.json()]).toEqual([200, { dialect: '上海话', preferredStaffGender: 'female' }]);
  expect((await get(token)).json()).toEqual({ dialect: '上海话', preferredStaffGender: 'female' });
  const stored = await server.db.query('select dialect, preferred_staff_gender from users where id = $1', [elder.id]);
  expect(stored.rows[0]).toEqual({ dialect: '上海话', preferred_staff_gender: 'female' });
  await put(token, { dialect: null, preferredStaffGender: null });
  expect((await get(token)).json()).toEqual({ dialect: null, preferredStaffGender: null });
});

it('refuses a value that is not offered, and changes nothing', async () => {
  const elder = await createCustomer(server.db);
  const token = await signIn(server.http, elder.id);
  await put(token, { dialect: '粤语', preferredStaffGender: 'male' });
  for (const body of [{ dialect: '火星话', preferredStaffGender: null }, { dialect: null, preferredStaffGender: 'other' }, { dialect: null }]) {
    const res = await put(token, body);
    expect([res.status, res.json().code]).toEqual([400, 'VALIDATION_FAILED']);
  }
  expect((await get(token)).json()).toEqual({ dialect: '粤语', preferredStaffGender: 'male' });
});

it('lets consenting family set them for the elder, and nobody else', async () => {
  const elder = await createCustomer(server.db);
  const family = await createCustomer(server.db, { at: null });
  const revoked = await createCustomer(server.db, { at: null });
  await linkFamily(server.db, family.id, elder.id);
  await linkFamily(server.db, revoked.id, elder.id, { revoked: true });
  const q = `?elderId=${elder.id}`;
  expect((await put(await signIn(server.http, family.id), { dialect: '苏州话', preferredStaffGender: null }, q)).status).toBe(200);
  const refused = await put(await signIn(server.http, revoked.id), { dialect: null, preferredStaffGender: 'male' }, q);
  expect([refused.status, refused.json().code]).toEqual([403, 'NOT_LINKED_TO_ELDER']);
  expect((await get(await signIn(server.http, elder.id))).json()).toEqual({ dialect: '苏州话', preferredStaffGender: null });
});

it('is for customers only', async () => {
  const staff = await server.db.query<{ id: string }>(`insert into users (role, name) values ('dispatcher', '调度员') returning id`);
  expect((await get(await signIn(server.http, staff.rows[0].id))).status).toBe(403);
  expect((await server.http('GET', '/api/me/preferences')).status).toBe(401);
});
