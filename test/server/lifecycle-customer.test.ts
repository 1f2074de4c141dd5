/** The elder and consenting family changing a visit: cancel and reschedule, until the cut-off. */
import { ERROR_CATALOG } from '@domain';
import { china, createCustomer, linkFamily, signIn } from '../helpers/fixtures';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { bookVisit, customerView, holder, staffAct, world } from '../helpers/visits';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
afterEach(() => server.clock.set('2030-01-07T00:00:00.000Z'));

const cancel = (token: string, id: string, body: Record<string, unknown>) => server.http('POST', `/api/bookings/${id}/cancel`, { token, body });
const reschedule = (token: string, id: string, body: Record<string, unknown>) => server.http('POST', `/api/bookings/${id}/reschedule`, { token, body });

describe('cancelling', () => {
  it('cancels with a reason, withdraws the offer and says so on the timeline', async () => {
    const w = await world(server.db, server.http);
    const booking = await bookVisit(server.http, w);
    expect(booking.changeDeadline).toBe(china('2030-01-08', '12:00'));
    expect(booking.allowedActions).toEqual(['reschedule', 'cancel']);
    const noReason = await cancel(w.elder.token, booking.id, { version: booking.version });
    expect(noReason.status).toBe(400);
    expect(noReason.json().code).toBe('VALIDATION_FAILED');

    const res = await cancel(w.elder.token, booking.id, { version: booking.version, reason: '家里人可以陪我去办了' });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', statusLabel: '已取消', allowedActions: [] });
    expect(res.json().timeline.at(-1).text).toBe('您取消了这次服务（原因：家里人可以陪我去办了）');
    const offer = await server.db.query('select outcome from booking_offers where booking_id = $1', [booking.id]);
    expect(offer.rows).toEqual([{ outcome: 'withdrawn' }]);
    expect((await server.http('GET', '/api/staff/tasks', { token: w.staff[0].token })).json()).toEqual({ offers: [], today: [], upcoming: [] });
  });

  it('after the cut-off refuses with the hotline in the message, changes nothing, and stops offering it', async () => {
    const w = await world(server.db, server.http);
    const booking = await bookVisit(server.http, w);
    const confirmed = (await staffAct(server.http, w.staff[0].token, booking.id, 'confirm', { version: booking.version })).json();
    server.clock.set(china('2030-01-08', '12:01'));
    const view = await customerView(server.http, w.elder.token, booking.id);
    expect(view.allowedActions).toEqual([]);
    const res = await cancel(w.elder.token, booking.id, { version: confirmed.version, reason: '不需要了' });
    expect(res.status).toBe(409);
    expect(res.json()).toEqual({ code: 'CHANGE_CUTOFF_PASSED', message: ERROR_CATALOG.CHANGE_CUTOFF_PASSED.message });
    expect(res.json().message).toContain('400-800-1234');
    expect(await holder(server.db, booking.id)).toEqual({ status: 'confirmed', staffId: w.staff[0].id });
  });

  it('lets a consenting family member cancel, and answers NOT_FOUND to one whose consent was revoked', async () => {
    const w = await world(server.db, server.http);
    const son = await createCustomer(server.db, { name: '张伟', at: null });
    const former = await createCustomer(server.db, { name: '李强', at: null });
    await linkFamily(server.db, son.id, w.elder.id);
    await linkFamily(server.db, former.id, w.elder.id, { revoked: true });
    const booking = await bookVisit(server.http, w);
    const refused = await cancel(await signIn(server.http, former.id), booking.id, { version: booking.version, reason: '测试' });
    expect(refused.status).toBe(404);
    const res = await cancel(await signIn(server.http, son.id), booking.id, { version: booking.version, reason: '妈妈住院了，改天再约' });
    expect(res.status).toBe(200);
    expect(res.json().timeline.at(-1).text).toBe('您取消了这次服务（原因：妈妈住院了，改天再约）');
    expect((await customerView(server.http, w.elder.token, booking.id)).timeline.at(-1).text).toBe('您的家人 张伟取消了这次服务（原因：妈妈住院了，改天再约）');
  });

  it('refuses a stale version with VERSION_CONFLICT', async () => {
    const w = await world(server.db, server.http);
    const booking = await bookVisit(server.http, w);
    await staffAct(server.http, w.staff[0].token, booking.id, 'confirm', { version: booking.version });
    const res = await cancel(w.elder.token, booking.id, { version: booking.version, reason: '不需要了' });
    expect(res.status).toBe(409);
    expect(res.json().code).toBe('VERSION_CONFLICT');
  });
});

describe('rescheduling', () => {
  it('lists the dedicated person’s free times, and keeps them when the visit moves to one', async () => {
    const w = await world(server.db, server.http, { staff: 2 });
    const booking = await bookVisit(server.http, w);
    const confirmed = (await staffAct(server.http, w.staff[0].token, booking.id, 'confirm', { version: booking.version })).json();
    // The dedicated person is busy on Wednesday morning: that slot stays bookable, with the other person.
    const elsewhere = await createCustomer(server.db, { at: w.area });
    const other = await bookVisit(server.http, { ...w, elder: { ...elsewhere, token: await signIn(server.http, elsewhere.id) } }, china('2030-01-09', '09:00'));
    expect((await holder(server.db, other.id)).staffId).toBe(w.staff[0].id);

    const slots = (await server.http('GET', `/api/bookings/${booking.id}/reschedule-slots`, { token: w.elder.token })).json();
    expect(slots.staff.name).toBe('王建国');
    const all = slots.days.flatMap((d: { slots: Array<{ start: string; sameStaff: boolean }> }) => d.slots);
    expect(all.find((s: { start: string }) => s.start === china('2030-01-08', '14:00'))).toBeUndefined();
    expect(all.find((s: { start: string }) => s.start === china('2030-01-09', '09:00'))).toMatchObject({ sameStaff: false });
    expect(all.find((s: { start: string }) => s.start === china('2030-01-09', '14:00'))).toMatchObject({ sameStaff: true });

    const moved = await reschedule(w.elder.token, booking.id, { version: confirmed.version, slotStart: china('2030-01-09', '14:00') });
    expect(moved.status).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'offered', slotStart: china('2030-01-09', '14:00'), staff: { name: '王建国' } });
    expect(moved.json().timeline.slice(-2).map((e: { text: string }) => e.text)).toEqual(['您修改了上门时间', '已为您安排王师傅，等待确认']);

    // Moving to the time the dedicated person is busy goes to the other person.
    const again = await reschedule(w.elder.token, booking.id, { version: moved.json().version, slotStart: china('2030-01-09', '09:00') });
    expect(again.json()).toMatchObject({ slotStart: china('2030-01-09', '09:00'), staff: { name: '李红梅' } });
  });

  it('refuses a slot nobody can serve or that is not offered, changing nothing', async () => {
    const w = await world(server.db, server.http);
    const booking = await bookVisit(server.http, w);
    const sunday = await reschedule(w.elder.token, booking.id, { version: booking.version, slotStart: china('2030-01-20', '09:00') });
    expect(sunday.json().code).toBe('SLOT_NOT_AVAILABLE');
    const same = await reschedule(w.elder.token, booking.id, { version: booking.version, slotStart: booking.slotStart });
    expect(same.json().code).toBe('SLOT_UNCHANGED');
    const view = await customerView(server.http, w.elder.token, booking.id);
    expect(view).toMatchObject({ version: booking.version, slotStart: booking.slotStart, status: 'offered' });
  });

  it('after the cut-off refuses with CHANGE_CUTOFF_PASSED', async () => {
    const w = await world(server.db, server.http);
    const booking = await bookVisit(server.http, w, china('2030-01-07', '14:00'));
    server.clock.set(china('2030-01-07', '12:30'));
    const res = await reschedule(w.elder.token, booking.id, { version: booking.version, slotStart: china('2030-01-08', '14:00') });
    expect(res.status).toBe(409);
    expect(res.json().code).toBe('CHANGE_CUTOFF_PASSED');
  });
});

describe('rescheduling an escort', () => {
  it('moves the hospital appointment, and the visit window follows it', async () => {
    const w = await world(server.db, server.http, { staff: 1, skills: ['claim', 'escort'] });
    const res = await server.http('POST', '/api/bookings', {
      token: w.elder.token,
      headers: { 'idempotency-key': `esc-${Date.now()}-reschedule` },
      body: {
        serviceType: 'escort',
        addressId: w.elder.addressId,
        escort: { hospitalId: 'ruijin', department: 'cardiology', appointmentAt: china('2030-01-08', '10:00'), pickUp: true, mobility: [] },
      },
    });
    expect(res.status).toBe(201);
    const booking = res.json();
    const slots = (await server.http('GET', `/api/bookings/${booking.id}/reschedule-slots`, { token: w.elder.token })).json();
    const target = slots.days.flatMap((d: { slots: Array<{ appointmentAt?: string; start: string; sameStaff: boolean }> }) => d.slots)
      .find((s: { appointmentAt?: string }) => s.appointmentAt === china('2030-01-09', '14:00'));
    // With pick-up the person is collected an hour before the appointment; the same escort is free then.
    expect(target).toMatchObject({ start: china('2030-01-09', '13:00'), sameStaff: true });
    const moved = await reschedule(w.elder.token, booking.id, { version: booking.version, slotStart: target.start });
    expect(moved.status).toBe(200);
    expect(moved.json()).toMatchObject({
      status: 'offered',
      slotStart: china('2030-01-09', '13:00'),
      slotEnd: china('2030-01-09', '16:30'),
      escort: { appointmentAt: china('2030-01-09', '14:00'), pickUp: true },
      staff: { id: w.staff[0].id },
    });
  });
});

describe('two people changing one visit at once', () => {
  it('lets exactly one of a cancel and a confirm through; the other gets a clear 409 and nothing is lost', async () => {
    const w = await world(server.db, server.http);
    const booking = await bookVisit(server.http, w);
    const [cancelled, confirmed] = await Promise.all([
      cancel(w.elder.token, booking.id, { version: booking.version, reason: '临时有事' }),
      staffAct(server.http, w.staff[0].token, booking.id, 'confirm', { version: booking.version }),
    ]);
    const statuses = [cancelled.status, confirmed.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = cancelled.status === 409 ? cancelled : confirmed;
    expect(['VERSION_CONFLICT', 'TRANSITION_NOT_ALLOWED']).toContain(loser.json().code);
    const events = await server.db.query<{ action: string }>('select action from visit_events where booking_id = $1 order by seq', [booking.id]);
    expect(events.rows.map((e) => e.action)).toEqual(['submit', 'start_matching', 'offer', cancelled.status === 200 ? 'cancel' : 'confirm']);
  });
});

