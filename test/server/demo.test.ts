/** The seeded demo city: seeded once, and the first journey works on it as a demo would run it. */
import { seedDemoData, DEMO_IDS, SEED_STAFF } from '../../server/seed';
import { book, china, offeredStarts, signIn } from '../helpers/fixtures';
import { startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: true });
});
afterAll(() => server.close());

it('seeds only into an empty database', async () => {
  expect(await seedDemoData(server.db, server.clock)).toBe(false);
  const staff = await server.db.query<{ n: number }>(`select count(*)::int as n from users where role = 'staff'`);
  expect(staff.rows[0].n).toBe(SEED_STAFF.length);
});

it('lets 张秀英 book a home visit in 徐汇 and shows her who is coming and why', async () => {
  const token = await signIn(server.http, DEMO_IDS.elder);
  const addresses = (await server.http('GET', '/api/addresses', { token })).json();
  expect(addresses.map((a: { label: string }) => a.label)).toEqual(['家', '女儿家']);
  const starts = await offeredStarts(server.http, token, DEMO_IDS.elderHome);
  expect(starts).toContain(china('2030-01-08', '09:00'));
  const res = await book(server.http, token, { addressId: DEMO_IDS.elderHome, slotStart: china('2030-01-08', '09:00'), claimType: 'inpatient' });
  expect(res.status).toBe(201);
  const view = res.json();
  expect(view.staff).toMatchObject({ staffNo: expect.stringMatching(/^AX10\d\d$/), photoUrl: expect.stringMatching(/^\/media\/staff-photos\/AX10\d\d\.svg$/) });
  // 张秀英 speaks Shanghainese (seed): the person sent speaks it too, and the reasons say so.
  expect(view.matchReasons[0]).toBe('会说上海话');
  const photo = await server.http('GET', view.staff.photoUrl);
  expect(photo.status).toBe(200);
  expect(photo.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
});

it('sends an accident-disability claim only to a certified staff member', async () => {
  const token = await signIn(server.http, DEMO_IDS.family);
  const res = await book(server.http, token, {
    addressId: DEMO_IDS.elderDaughterHome,
    elderId: DEMO_IDS.elder,
    slotStart: china('2030-01-08', '14:00'),
    claimType: 'accident_disability',
  });
  expect(res.status).toBe(201);
  const certified = SEED_STAFF.filter((s) => s.skills.includes('disability_assessment')).map((s) => s.staffNo);
  expect(certified).toContain(res.json().staff.staffNo);
  expect(res.json().matchReasons).toContain('有伤残鉴定资质');
});

it('does not let 李伟 book for 王桂兰, who has not linked him', async () => {
  const token = await signIn(server.http, DEMO_IDS.family);
  const res = await book(server.http, token, { addressId: DEMO_IDS.otherElderHome, elderId: DEMO_IDS.otherElder, slotStart: china('2030-01-08', '09:00') });
  expect(res.status).toBe(403);
  expect(res.json().code).toBe('NOT_LINKED_TO_ELDER');
});
