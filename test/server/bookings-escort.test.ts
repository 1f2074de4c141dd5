/** Booking a medical escort: details validated, the visit window derived, escort-skilled staff matched. */
import { ERROR_CATALOG } from '@domain';
import { china, createCustomer, createStaff, linkFamily, signIn, unique, uniqueArea } from '../helpers/fixtures';
import { startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** Tuesday 2030-01-08 (the test clock is Monday 08:00 China time). */
const TUESDAY_1000 = china('2030-01-08', '10:00');

async function neighbourhood() {
  const area = uniqueArea();
  const elder = await createCustomer(server.db, { name: '钱玉芬', at: area });
  // The nearest person cannot escort: matching must pass them over for the escort-skilled one.
  await createStaff(server.db, { at: area, name: 'claimonly', skills: ['claim'] });
  const escort = await createStaff(server.db, { at: { lat: area.lat + 0.01, lng: area.lng }, name: '李秀梅', gender: 'female', skills: ['claim', 'escort'] });
  return { elder, escort, token: await signIn(server.http, elder.id), addressId: elder.addressId as string };
}

interface EscortOpts {
  hospitalId?: string;
  department?: string;
  appointmentAt?: string;
  pickUp?: boolean;
  mobility?: string[];
}

function bookEscort(token: string, addressId: string, escort: EscortOpts = {}, extra: Record<string, unknown> = {}, key = unique('esc-') + unique()) {
  return server.http('POST', '/api/bookings', {
    token,
    headers: { 'idempotency-key': key },
    body: {
      serviceType: 'escort',
      addressId,
      escort: { hospitalId: 'ruijin', department: 'cardiology', appointmentAt: TUESDAY_1000, pickUp: true, mobility: ['wheelchair'], ...escort },
      ...extra,
    },
  });
}

async function bookingCount(elderId: string): Promise<number> {
  const r = await server.db.query<{ n: number }>('select count(*)::int as n from bookings where elder_id = $1', [elderId]);
  return r.rows[0].n;
}

describe('POST /api/bookings (escort)', () => {
  it('books an escort with pick-up: window from an hour before the appointment, escort-skilled staff, details kept', async () => {
    const { elder, escort, token, addressId } = await neighbourhood();
    const res = await bookEscort(token, addressId, { mobility: ['wheelchair', 'hard_of_hearing'] }, { note: '女儿会在医院门口等' });
    expect(res.status).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({
      status: 'offered',
      serviceType: 'escort',
      claimType: null,
      slotStart: china('2030-01-08', '09:00'),
      slotEnd: china('2030-01-08', '12:30'),
      note: '女儿会在医院门口等',
      contact: 'elder',
      escort: { hospitalId: 'ruijin', hospitalName: '瑞金医院', department: 'cardiology', appointmentAt: TUESDAY_1000, pickUp: true, mobility: ['wheelchair', 'hard_of_hearing'] },
      staff: { id: escort.id, title: '李老师' },
    });
    expect(view.matchReasons).toContain('有陪诊经验');
    const again = await server.http('GET', `/api/bookings/${view.id}`, { token });
    expect(again.json().escort).toEqual(view.escort);
    expect(await bookingCount(elder.id)).toBe(1);
  });

  it('without pick-up the staff member meets the person at the hospital half an hour before, so distance counts from there', async () => {
    const { token, addressId } = await neighbourhood();
    // Nobody near this elder's home works near 华山医院: without pick-up, nobody can meet them there.
    const far = await bookEscort(token, addressId, { pickUp: false, mobility: [], hospitalId: 'huashan', department: 'neurology' });
    expect([far.status, far.json().code]).toEqual([422, 'SLOT_NOT_AVAILABLE']);
    const slots = await server.http('GET', `/api/slots?serviceType=escort&pickUp=false&hospitalId=huashan&addressId=${addressId}`, { token });
    expect(slots.json().days.flatMap((d: { slots: unknown[] }) => d.slots)).toEqual([]);
    // An escort who works around the hospital can.
    await createStaff(server.db, { at: { lat: 31.2162, lng: 121.441 }, name: '周丽', gender: 'female', skills: ['escort'] });
    const res = await bookEscort(token, addressId, { pickUp: false, mobility: [], hospitalId: 'huashan', department: 'neurology' });
    expect(res.status).toBe(201);
    expect(res.json()).toMatchObject({
      slotStart: china('2030-01-08', '09:30'),
      slotEnd: china('2030-01-08', '12:00'),
      escort: { hospitalName: '华山医院', pickUp: false, mobility: [] },
    });
  });

  it('lists appointment times the escort staff can serve, each with its derived window', async () => {
    const { token, addressId } = await neighbourhood();
    const res = await server.http('GET', `/api/slots?serviceType=escort&pickUp=true&addressId=${addressId}`, { token });
    expect(res.status).toBe(200);
    const days = res.json().days as Array<{ date: string; slots: Array<{ start: string; end: string; appointmentAt: string; label: string }> }>;
    expect(days).toHaveLength(7);
    // Today (Monday 08:00): the earliest start is 10:00, so the 11:00 appointment (collected at 10:00) is first.
    expect(days[0].slots[0]).toMatchObject({ appointmentAt: china('2030-01-07', '11:00'), start: china('2030-01-07', '10:00'), label: '上午 11:00' });
    // Staff start at 08:30: with pick-up, a 09:00 appointment (collected at 08:00) cannot be served, 09:30 can.
    const tuesday = days[1].slots.map((s) => s.appointmentAt);
    expect(tuesday).not.toContain(china('2030-01-08', '09:00'));
    expect(tuesday).toContain(china('2030-01-08', '09:30'));
    const without = await server.http('GET', `/api/slots?serviceType=escort&pickUp=false&addressId=${addressId}`, { token });
    expect(without.json().days[1].slots.map((s: { appointmentAt: string }) => s.appointmentAt)).toContain(china('2030-01-08', '09:00'));
  });

  it('refuses what cannot be served or is malformed, with a code and a Chinese message, and saves nothing', async () => {
    const { elder, token, addressId } = await neighbourhood();
    const cases: Array<[Promise<{ status: number; json(): { code: string; message: string } }>, number, string]> = [
      [bookEscort(token, addressId, { hospitalId: 'nowhere' }), 422, 'HOSPITAL_NOT_FOUND'],
      [bookEscort(token, addressId, { appointmentAt: china('2030-01-08', '12:00') }), 422, 'SLOT_NOT_AVAILABLE'],
      [bookEscort(token, addressId, { appointmentAt: china('2030-01-08', '09:00') }), 422, 'SLOT_NOT_AVAILABLE'],
      [bookEscort(token, addressId, { mobility: ['flying'] }), 400, 'VALIDATION_FAILED'],
      [bookEscort(token, addressId, { mobility: ['wheelchair', 'wheelchair'] }), 400, 'VALIDATION_FAILED'],
      [bookEscort(token, addressId, { department: 'astrology' }), 400, 'VALIDATION_FAILED'],
      [bookEscort(token, addressId, {}, { claimType: 'inpatient' }), 400, 'VALIDATION_FAILED'],
      [bookEscort(token, addressId, {}, { slotStart: TUESDAY_1000 }), 400, 'VALIDATION_FAILED'],
      [server.http('POST', '/api/bookings', { token, headers: { 'idempotency-key': unique('k-') + unique() }, body: { serviceType: 'escort', addressId } }), 400, 'VALIDATION_FAILED'],
    ];
    for (const [pending, status, code] of cases) {
      const res = await pending;
      expect([res.status, res.json().code]).toEqual([status, code]);
      expect(res.json().message).toBe(ERROR_CATALOG[code as keyof typeof ERROR_CATALOG].message);
    }
    expect(await bookingCount(elder.id)).toBe(0);
    const details = await server.db.query<{ n: number }>(
      'select count(*)::int as n from booking_escort_details d join bookings b on b.id = d.booking_id where b.elder_id = $1',
      [elder.id],
    );
    expect(details.rows[0].n).toBe(0);
  });

  it('nobody with the escort skill nearby: SLOT_NOT_AVAILABLE and nothing saved', async () => {
    const area = uniqueArea();
    const elder = await createCustomer(server.db, { at: area });
    await createStaff(server.db, { at: area, skills: ['claim'] });
    const token = await signIn(server.http, elder.id);
    const res = await bookEscort(token, elder.addressId as string);
    expect(res.status).toBe(422);
    expect(res.json().code).toBe('SLOT_NOT_AVAILABLE');
    expect(await bookingCount(elder.id)).toBe(0);
  });

  it('a replayed key returns the same escort; the same key with other details is refused', async () => {
    const { elder, token, addressId } = await neighbourhood();
    const key = unique('replay-') + unique();
    const first = await bookEscort(token, addressId, {}, {}, key);
    expect(first.status).toBe(201);
    const replay = await bookEscort(token, addressId, {}, {}, key);
    expect(replay.status).toBe(200);
    expect(replay.json()).toEqual(first.json());
    const changed = await bookEscort(token, addressId, { mobility: ['no_stairs'] }, {}, key);
    expect(changed.status).toBe(422);
    expect(changed.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await bookingCount(elder.id)).toBe(1);
  });

  it("a family member chooses whose phone is used; an elder booking for themselves is always the contact", async () => {
    const { elder, token, addressId } = await neighbourhood();
    const family = await createCustomer(server.db, { name: '钱小红', at: null });
    await linkFamily(server.db, family.id, elder.id);
    const familyToken = await signIn(server.http, family.id);
    const byFamily = await bookEscort(familyToken, addressId, {}, { elderId: elder.id, contact: 'booker' });
    expect(byFamily.status).toBe(201);
    expect(byFamily.json().contact).toBe('booker');
    const stored = await server.db.query<{ contact: string; booked_by_role: string }>('select contact, booked_by_role from bookings where id = $1', [byFamily.json().id]);
    expect(stored.rows[0]).toEqual({ contact: 'booker', booked_by_role: 'family' });

    const bySelf = await bookEscort(token, addressId, { appointmentAt: china('2030-01-09', '10:00') }, { contact: 'booker' });
    expect(bySelf.status).toBe(201);
    expect(bySelf.json().contact).toBe('elder');
    const bad = await bookEscort(token, addressId, { appointmentAt: china('2030-01-10', '10:00') }, { contact: 'neighbour' });
    expect(bad.status).toBe(400);
  });
});
