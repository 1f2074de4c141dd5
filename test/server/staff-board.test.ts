/**
 * The staff member's task board and a task's detail: offers on top by deadline, today's visits in
 * time order with the travel between them, the days after; what the card says about the customer;
 * and who may open a task.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ERROR_CATALOG } from '@domain';
import { book, china, createStaff, signIn, unique } from '../helpers/fixtures';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { bookVisit, customerView, fillCompletionRecord, PNG, staffAct, workUntil, world, type World } from '../helpers/visits';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { FILES_DIR: mkdtempSync(join(tmpdir(), 'homevisit-board-')) } });
});
afterAll(() => server.close());
beforeEach(() => server.clock.set('2030-01-07T00:00:00.000Z'));

const board = async (token: string) => {
  const res = await server.http('GET', '/api/staff/tasks', { token });
  expect(res.status).toBe(200);
  return res.json();
};
const ids = (cards: Array<{ id: string }>) => cards.map((c) => c.id);

/** A second saved address of the elder, 0.018° north of home: 2.0 km as the crow flies. */
async function secondAddress(w: World): Promise<string> {
  const r = await server.db.query<{ id: string }>(
    `insert into addresses (elder_id, label, text, district, lat, lng) values ($1, '子女家', $2, '测试区', $3, $4) returning id`,
    [w.elder.id, `测试路 ${unique()} 号`, w.area.lat + 0.018, w.area.lng],
  );
  return r.rows[0].id;
}

async function confirmed(w: World, addressId: string, slotStart: string) {
  const res = await book(server.http, w.elder.token, { addressId, slotStart });
  expect(res.status).toBe(201);
  const ok = await staffAct(server.http, w.staff[0].token, res.json().id, 'confirm', { version: res.json().version });
  expect(ok.status).toBe(200);
  return ok.json();
}

describe('GET /api/staff/tasks', () => {
  it('puts offers on top by deadline, then today in time order with the travel between visits, then the days after', async () => {
    const w = await world(server.db, server.http);
    const home = w.elder.addressId as string;
    const morning = await confirmed(w, home, china('2030-01-07', '10:30'));
    const afternoon = await confirmed(w, await secondAddress(w), china('2030-01-07', '14:00'));
    const tomorrow = await confirmed(w, home, china('2030-01-08', '09:00'));
    // The later visit is offered first, so its answer is due first.
    const laterVisit = await bookVisit(server.http, w, china('2030-01-10', '09:00'));
    server.clock.advanceMinutes(5);
    const soonerVisit = await bookVisit(server.http, w, china('2030-01-09', '14:00'));

    const b = await board(w.staff[0].token);
    expect(ids(b.offers)).toEqual([laterVisit.id, soonerVisit.id]);
    expect(b.offers.map((c: { offerExpiresAt: string }) => c.offerExpiresAt)).toEqual(['2030-01-07T00:30:00.000Z', '2030-01-07T00:35:00.000Z']);
    expect(ids(b.today)).toEqual([morning.id, afternoon.id]);
    expect(ids(b.upcoming)).toEqual([tomorrow.id]);
    // From the staff member's base (at the elder's door here) to the first; 2.0 km on to the second.
    expect(b.today.map((c: { travel: unknown }) => c.travel)).toEqual([
      { from: 'base', distanceKm: 0, minutes: 1 },
      { from: 'previous_visit', distanceKm: 2, minutes: 8 },
    ]);
    expect(b.upcoming[0].travel).toEqual({ from: 'base', distanceKm: 0, minutes: 1 });
    expect(b.today[1]).toMatchObject({ status: 'confirmed', customerName: '张**', address: { label: '子女家', text: expect.stringMatching(/^测试路/) } });
  });

  it('keeps a visit finished today in today’s list, without its street address', async () => {
    const w = await world(server.db, server.http);
    const booking = await bookVisit(server.http, w, china('2030-01-07', '10:30'));
    const started = await workUntil(server.http, w, w.staff[0], booking, 'in_service');
    await fillCompletionRecord(server.http, w.staff[0].token, booking.id);
    const done = await staffAct(server.http, w.staff[0].token, booking.id, 'complete', { version: started.version });
    expect(done.json()).toMatchObject({ status: 'completed', address: { text: '' }, customerPhone: null });

    const today = (await board(w.staff[0].token)).today;
    expect(today).toEqual([expect.objectContaining({ id: booking.id, status: 'completed', address: { label: '家', text: '', district: '测试区' } })]);
    // The next day it is gone from the board, and its detail with it.
    server.clock.set(china('2030-01-08', '08:00'));
    expect(await board(w.staff[0].token)).toEqual({ offers: [], today: [], upcoming: [] });
    expect((await server.http('GET', `/api/staff/tasks/${booking.id}`, { token: w.staff[0].token })).status).toBe(404);
  });

  it('tells the staff member the customer’s needs: mobility and hearing from the escort, the dialect, the photos taken', async () => {
    const w = await world(server.db, server.http, { skills: ['claim', 'escort'] });
    await server.db.query(`update users set dialect = '上海话' where id = $1`, [w.elder.id]);
    const escort = await server.http('POST', '/api/bookings', {
      token: w.elder.token,
      headers: { 'idempotency-key': unique('esc-') + unique() },
      body: {
        serviceType: 'escort',
        addressId: w.elder.addressId,
        escort: { hospitalId: 'ruijin', department: 'cardiology', appointmentAt: china('2030-01-08', '10:00'), pickUp: true, mobility: ['wheelchair', 'hard_of_hearing'] },
      },
    });
    expect(escort.status).toBe(201);
    const claim = await bookVisit(server.http, w, china('2030-01-09', '09:00'));
    for (let i = 0; i < 2; i++) {
      const up = await server.http('POST', `/api/bookings/${claim.id}/files`, { token: w.elder.token, rawBody: new Uint8Array(PNG), headers: { 'content-type': 'image/png' } });
      expect(up.status).toBe(201);
    }
    const [escortCard, claimCard] = (await board(w.staff[0].token)).offers;
    expect(escortCard).toMatchObject({
      id: escort.json().id,
      needs: { mobility: ['wheelchair', 'hard_of_hearing'], dialect: '上海话', hardOfHearing: true },
      escort: { hospitalName: '瑞金医院', department: 'cardiology', pickUp: true },
      customerPhotoCount: 0,
    });
    expect(claimCard).toMatchObject({ id: claim.id, needs: { mobility: [], dialect: '上海话', hardOfHearing: false }, escort: null, customerPhotoCount: 2 });
  });

  it('measures an escort without pick-up from the hospital, where the staff member meets the customer', async () => {
    // 0.009° north of 瑞金医院 (31.2119, 121.4686): 1.0 km away.
    const staff = await createStaff(server.db, { at: { lat: 31.2209, lng: 121.4686 }, skills: ['escort'], name: '周建军' });
    const w = await world(server.db, server.http, { staff: 0 });
    const res = await server.http('POST', '/api/bookings', {
      token: w.elder.token,
      headers: { 'idempotency-key': unique('esc-') + unique() },
      body: {
        serviceType: 'escort',
        addressId: w.elder.addressId,
        escort: { hospitalId: 'ruijin', department: 'general', appointmentAt: china('2030-01-08', '14:00'), pickUp: false, mobility: [] },
      },
    });
    expect(res.status).toBe(201);
    const [card] = (await board(await signIn(server.http, staff.id))).offers;
    expect(card).toMatchObject({ id: res.json().id, travel: { from: 'base', distanceKm: 1, minutes: 4 } });
  });
});

describe('GET /api/staff/tasks/:id', () => {
  it('opens the task with its record and photos for the assigned staff member only', async () => {
    const w = await world(server.db, server.http, { staff: 2 });
    const booking = await bookVisit(server.http, w);
    const up = await server.http('POST', `/api/bookings/${booking.id}/files`, { token: w.elder.token, rawBody: new Uint8Array(PNG), headers: { 'content-type': 'image/png' } });
    const res = await server.http('GET', `/api/staff/tasks/${booking.id}`, { token: w.staff[0].token });
    expect(res.status).toBe(200);
    const detail = res.json();
    expect(detail.task).toMatchObject({ id: booking.id, status: 'offered', customerName: '张**', customerPhotoCount: 1 });
    expect(detail.files).toEqual([expect.objectContaining({ id: up.json().id, kind: 'customer', itemKey: null })]);
    expect(detail.record).toMatchObject({ milestones: [], signature: null, handover: [], assessment: { required: false, notes: null } });
    expect(detail.record.documents.map((d: { key: string; status: string }) => [d.key, d.status])).toEqual([
      ['doc-0', 'pending'], ['doc-1', 'pending'], ['doc-2', 'pending'], ['doc-3', 'pending'], ['doc-4', 'pending'],
    ]);
    expect(detail.record.blockers[0]).toMatch(/^还有 5 项材料没有确认：被保险人身份证、/);

    const other = await server.http('GET', `/api/staff/tasks/${booking.id}`, { token: w.staff[1].token });
    expect([other.status, other.json()]).toEqual([404, { code: 'NOT_FOUND', message: ERROR_CATALOG.NOT_FOUND.message }]);
    expect((await server.http('GET', `/api/staff/tasks/${booking.id}`, { token: w.elder.token })).status).toBe(403);

    // Declined: it is someone else's now, and gone from the first person's view.
    await staffAct(server.http, w.staff[0].token, booking.id, 'decline', { version: booking.version, reason: '时间冲突' });
    expect((await server.http('GET', `/api/staff/tasks/${booking.id}`, { token: w.staff[0].token })).status).toBe(404);
    expect((await server.http('GET', `/api/staff/tasks/${booking.id}`, { token: w.staff[1].token })).status).toBe(200);
    expect((await customerView(server.http, w.elder.token, booking.id)).staff.id).toBe(w.staff[1].id);
  });
});
