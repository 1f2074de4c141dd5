/** /api/slots offers only what some qualified staff member can really serve at that address. */
import { ERROR_CATALOG, type WeeklyHours } from '@domain';
import { book, china, createCustomer, createStaff, linkFamily, offeredStarts, signIn, uniqueArea } from '../helpers/fixtures';
import { startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

// The test clock: Monday 2030-01-07 08:00 China; the earliest bookable start is 10:00.
const MONDAY = '2030-01-07';
const TUESDAY = '2030-01-08';

async function elderWithStaff(staff: { hours?: WeeklyHours; skills?: ('claim' | 'escort' | 'disability_assessment')[]; dailyCap?: number; offsetKm?: number }) {
  const area = uniqueArea();
  const elder = await createCustomer(server.db, { at: { lat: area.lat + (staff.offsetKm ?? 0) / 111, lng: area.lng } });
  const member = await createStaff(server.db, { at: area, hours: staff.hours, skills: staff.skills, dailyCap: staff.dailyCap });
  const token = await signIn(server.http, elder.id);
  return { elder, member, token, addressId: elder.addressId as string, area };
}

describe('GET /api/slots', () => {
  it('returns seven China days, today first, each with the servable slots in time order', async () => {
    const { token, addressId } = await elderWithStaff({});
    const res = await server.http('GET', `/api/slots?serviceType=claim&claimType=inpatient&addressId=${addressId}`, { token });
    expect(res.status).toBe(200);
    const { days } = res.json<{ days: Array<{ date: string; label: string; slots: Array<{ start: string; label: string; period: string }> }> }>();
    expect(days.map((d) => d.date)).toEqual(['2030-01-07', '2030-01-08', '2030-01-09', '2030-01-10', '2030-01-11', '2030-01-12', '2030-01-13']);
    expect(days[0].label).toBe('今天 1月7日 星期一');
    expect(days[1].label).toBe('明天 1月8日 星期二');
    // Today: 9:00 is too soon (less than 2 hours away); the rest are offered.
    expect(days[0].slots.map((s) => s.label)).toEqual(['上午 10:30–11:30', '下午 2:00–3:00', '下午 3:30–4:30']);
    expect(days[1].slots).toHaveLength(4);
    expect(days[1].slots[0]).toMatchObject({ start: china(TUESDAY, '09:00'), period: 'morning' });
  });

  it('leaves out slots outside every staff member’s working hours', async () => {
    const { token, addressId } = await elderWithStaff({ hours: { '1': [['13:30', '15:00']] } });
    expect(await offeredStarts(server.http, token, addressId)).toEqual([china(MONDAY, '14:00')]);
  });

  it('offers nothing where no staff member works', async () => {
    const { token, addressId } = await elderWithStaff({ offsetKm: 12 });
    expect(await offeredStarts(server.http, token, addressId)).toEqual([]);
  });

  it('needs the skill the claim type asks for', async () => {
    const { token, addressId } = await elderWithStaff({ skills: ['claim'] });
    expect(await offeredStarts(server.http, token, addressId, 'accident_disability')).toEqual([]);
    expect((await offeredStarts(server.http, token, addressId, 'inpatient')).length).toBeGreaterThan(20);
  });

  it('drops a slot once it is booked, and a whole day once the staff member’s daily cap is reached', async () => {
    const { token, addressId } = await elderWithStaff({ dailyCap: 2 });
    const before = await offeredStarts(server.http, token, addressId);
    expect(before).toContain(china(TUESDAY, '09:00'));
    expect((await book(server.http, token, { addressId, slotStart: china(TUESDAY, '09:00') })).status).toBe(201);
    const after = await offeredStarts(server.http, token, addressId);
    expect(after).not.toContain(china(TUESDAY, '09:00'));
    expect(after).toContain(china(TUESDAY, '10:30'));
    expect((await book(server.http, token, { addressId, slotStart: china(TUESDAY, '15:30') })).status).toBe(201);
    const capped = await offeredStarts(server.http, token, addressId);
    expect(capped.filter((s) => s.startsWith('2030-01-08'))).toEqual([]);
    expect(capped).toContain(china('2030-01-09', '09:00'));
  });

  it('shows a consenting elder’s address to the family member, and nobody else’s', async () => {
    const { elder, addressId } = await elderWithStaff({});
    const family = await createCustomer(server.db, { at: null });
    const stranger = await createCustomer(server.db, { at: null });
    await linkFamily(server.db, family.id, elder.id);
    const familyToken = await signIn(server.http, family.id);
    expect((await offeredStarts(server.http, familyToken, addressId)).length).toBeGreaterThan(0);
    const res = await server.http('GET', `/api/slots?serviceType=claim&addressId=${addressId}`, { token: await signIn(server.http, stranger.id) });
    expect(res.status).toBe(422);
    expect(res.json()).toEqual({ code: 'ADDRESS_NOT_FOUND', message: ERROR_CATALOG.ADDRESS_NOT_FOUND.message });
  });

  it('refuses a query without an address', async () => {
    const { token } = await elderWithStaff({});
    const res = await server.http('GET', '/api/slots?serviceType=claim', { token });
    expect(res.status).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });
});

describe('GET /api/addresses', () => {
  it('lists the elder’s own addresses, a consenting elder’s for family, and refuses others', async () => {
    const { elder, token, addressId } = await elderWithStaff({});
    const own = await server.http('GET', '/api/addresses', { token });
    expect(own.json()).toEqual([expect.objectContaining({ id: addressId, elderId: elder.id, label: '家' })]);
    const stranger = await createCustomer(server.db);
    const refused = await server.http('GET', `/api/addresses?elderId=${stranger.id}`, { token });
    expect(refused.status).toBe(403);
    expect(refused.json().code).toBe('NOT_LINKED_TO_ELDER');
  });
});
