/**
 * A staff member's own availability: weekly hours, service area and leave. Hours and area apply to
 * new matching (visits already confirmed stay); their own leave matches the visits it touches
 * again, together, like leave recorded at the desk; they may withdraw only their own leave that
 * has not started.
 */
import { book, china, createCustomer, signIn } from '../helpers/fixtures';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { bookVisit, customerView, holder, staffAct, world, type StaffMember } from '../helpers/visits';

let server: TestServer;
let dispatcher: { id: string; token: string };
beforeAll(async () => {
  server = await startTestServer();
  const d = await server.db.query<{ id: string }>(`insert into users (role, name) values ('dispatcher', '周敏') returning id`);
  dispatcher = { id: d.rows[0].id, token: await signIn(server.http, d.rows[0].id) };
});
afterAll(() => server.close());

const me = (s: StaffMember) => ({
  get: () => server.http('GET', '/api/staff/me/availability', { token: s.token }),
  hours: (workingHours: unknown) => server.http('PUT', '/api/staff/me/working-hours', { token: s.token, body: { workingHours } }),
  area: (body: unknown) => server.http('PUT', '/api/staff/me/area', { token: s.token, body }),
  leave: (body: unknown) => server.http('POST', '/api/staff/me/leave', { token: s.token, body }),
  cancel: (leaveId: string) => server.http('DELETE', `/api/staff/me/leave/${leaveId}`, { token: s.token }),
});

describe('weekly hours and area', () => {
  it('shows what the dispatcher set, and saves hours in time order', async () => {
    const w = await world(server.db, server.http);
    const staff = me(w.staff[0]);
    const before = (await staff.get()).json();
    expect(before).toMatchObject({ skills: ['claim'], dialects: ['普通话'], dailyCap: 6, leave: [], area: { radiusKm: 5 } });
    expect(before.workingHours['1']).toEqual([['08:30', '17:30']]);

    const res = await staff.hours({ '2': [['13:00', '18:00'], ['08:00', '12:00']], '6': [] });
    expect(res.status).toBe(200);
    expect(res.json().workingHours).toEqual({ 2: [['08:00', '12:00'], ['13:00', '18:00']] });
  });

  it.each([
    ['ends before it starts', { '1': [['12:00', '09:00']] }, 'WORKING_HOURS_INVALID'],
    ['ends as it starts', { '1': [['09:00', '09:00']] }, 'WORKING_HOURS_INVALID'],
    ['overlaps another range that day', { '3': [['09:00', '13:00'], ['12:00', '18:00']] }, 'WORKING_HOURS_INVALID'],
    ['has more than three ranges a day', { '4': [['07:00', '08:00'], ['09:00', '10:00'], ['11:00', '12:00'], ['13:00', '14:00']] }, 'VALIDATION_FAILED'],
    ['names a day that does not exist', { '8': [['09:00', '10:00']] }, 'WORKING_HOURS_INVALID'],
  ])('refuses hours that %s, changing nothing', async (_label, hours, code) => {
    const w = await world(server.db, server.http);
    const staff = me(w.staff[0]);
    const before = (await staff.get()).json();
    const res = await staff.hours(hours);
    expect([res.status, res.json().code]).toEqual([400, code]);
    expect((await staff.get()).json()).toEqual(before);
  });

  it('applies new hours to new bookings only: a confirmed visit stays', async () => {
    const w = await world(server.db, server.http);
    const booking = await bookVisit(server.http, w, china('2030-01-08', '14:00'));
    expect((await staffAct(server.http, w.staff[0].token, booking.id, 'confirm', { version: booking.version })).status).toBe(200);

    // Tuesdays: mornings only from now on.
    await me(w.staff[0]).hours({ '2': [['08:00', '12:00']] });
    expect(await holder(server.db, booking.id)).toEqual({ status: 'confirmed', staffId: w.staff[0].id });
    const neighbour = await createCustomer(server.db, { at: w.area });
    const afternoon = await book(server.http, await signIn(server.http, neighbour.id), { addressId: neighbour.addressId as string, slotStart: china('2030-01-08', '15:30') });
    expect([afternoon.status, afternoon.json().code]).toEqual([422, 'SLOT_NOT_AVAILABLE']);
  });

  it('moves the area to a district, and refuses a district it does not know', async () => {
    const w = await world(server.db, server.http);
    const staff = me(w.staff[0]);
    const res = await staff.area({ district: '普陀区', radiusKm: 9 });
    expect(res.json().area).toEqual({ district: '普陀区', radiusKm: 9 });
    const unknown = await staff.area({ district: '东城区', radiusKm: 9 });
    expect([unknown.status, unknown.json().code]).toEqual([422, 'DISTRICT_UNKNOWN']);
    expect((await staff.get()).json().area).toEqual({ district: '普陀区', radiusKm: 9 });
  });
});

describe('their own leave', () => {
  it('takes a whole day off (00:00–24:00 China time): the visits in it are matched again together', async () => {
    const w = await world(server.db, server.http, { staff: 2 });
    const neighbour = await createCustomer(server.db, { at: w.area });
    const other = { ...w, elder: { ...neighbour, token: await signIn(server.http, neighbour.id) } };
    const visits = [
      { booking: await bookVisit(server.http, w, china('2030-01-09', '09:00')), elderToken: w.elder.token },
      { booking: await bookVisit(server.http, other, china('2030-01-09', '14:00')), elderToken: other.elder.token },
    ];
    const mine = visits.filter((v) => v.booking.staff.id === w.staff[0].id);
    expect(mine.length).toBeGreaterThan(0);
    for (const { booking } of mine) await staffAct(server.http, w.staff[0].token, booking.id, 'confirm', { version: booking.version });

    const res = await me(w.staff[0]).leave({ from: china('2030-01-09', '00:00'), to: china('2030-01-10', '00:00'), reason: '孩子开家长会' });
    expect(res.status).toBe(201);
    expect(res.json().leave).toEqual([
      { id: expect.any(String), from: '2030-01-08T16:00:00.000Z', to: '2030-01-09T16:00:00.000Z', reason: '孩子开家长会', byDispatcher: false, canCancel: true },
    ]);
    for (const { booking, elderToken } of mine) {
      expect(await holder(server.db, booking.id)).toEqual({ status: 'offered', staffId: w.staff[1].id });
      const texts = (await customerView(server.http, elderToken, booking.id)).timeline.map((e: { text: string }) => e.text);
      expect(texts.slice(-2)).toEqual(['正在为您重新安排服务人员（原因：原定的服务人员临时有事）', expect.stringContaining('李老师')]);
    }
  });

  it('withdraws leave that has not started; started leave and the dispatcher\'s are not theirs to withdraw', async () => {
    const w = await world(server.db, server.http);
    const staff = me(w.staff[0]);
    const later = (await staff.leave({ from: china('2030-01-20', '00:00'), to: china('2030-01-21', '00:00'), reason: '休息' })).json();
    const withdrawn = await staff.cancel(later.leave[0].id);
    expect([withdrawn.status, withdrawn.json().leave]).toEqual([200, []]);

    const today = (await staff.leave({ from: china('2030-01-07', '07:00'), to: china('2030-01-07', '12:00'), reason: '看病' })).json();
    const started = await staff.cancel(today.leave[0].id);
    expect([started.status, started.json().code]).toEqual([409, 'LEAVE_NOT_CANCELLABLE']);
    expect(today.leave[0].canCancel).toBe(false);

    const desk = await server.http('POST', `/api/dispatch/staff/${w.staff[0].id}/leave`, {
      token: dispatcher.token, body: { from: china('2030-01-25', '00:00'), to: china('2030-01-26', '00:00'), reason: '公司培训' },
    });
    const deskLeave = (await staff.get()).json().leave.find((l: { id: string }) => l.id === desk.json().leaveId);
    expect(deskLeave).toMatchObject({ byDispatcher: true, canCancel: false });
    const refused = await staff.cancel(deskLeave.id);
    expect([refused.status, refused.json().code]).toEqual([409, 'LEAVE_NOT_CANCELLABLE']);

    const colleague = await world(server.db, server.http);
    const notTheirs = await me(colleague.staff[0]).cancel(deskLeave.id);
    expect([notTheirs.status, notTheirs.json().code]).toEqual([404, 'NOT_FOUND']);
    expect((await staff.get()).json().leave.map((l: { id: string }) => l.id)).toEqual([today.leave[0].id, deskLeave.id]);
  });

  it('refuses leave that ends before it starts', async () => {
    const w = await world(server.db, server.http);
    const res = await me(w.staff[0]).leave({ from: china('2030-01-12', '00:00'), to: china('2030-01-11', '00:00'), reason: '休息' });
    expect([res.status, res.json().code]).toEqual([400, 'INVALID_TIME_RANGE']);
  });
});
