/** Staff see only their own visits, masked, and confirm them through the state machine. */
import { ERROR_CATALOG } from '@domain';
import { book, china, createCustomer, createStaff, signIn, uniqueArea } from '../helpers/fixtures';
import { startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function offeredVisit(slotStart = china('2030-01-08', '14:00')) {
  const area = uniqueArea();
  const elder = await createCustomer(server.db, { name: '张秀兰', at: area });
  const staff = await createStaff(server.db, { at: area, name: '李红梅', gender: 'female' });
  // Far from every test area (areas are spaced along one meridian), so never matched here.
  const rival = await createStaff(server.db, { at: { lat: area.lat, lng: area.lng + 1 } });
  const customerToken = await signIn(server.http, elder.id);
  const booking = (await book(server.http, customerToken, { addressId: elder.addressId as string, slotStart })).json();
  return { booking, customerToken, staffToken: await signIn(server.http, staff.id), rivalToken: await signIn(server.http, rival.id) };
}

describe('GET /api/staff/tasks', () => {
  it('lists the offers to answer, soonest deadline first, with the customer’s name masked', async () => {
    const { booking, staffToken, customerToken } = await offeredVisit(china('2030-01-09', '15:30'));
    const address = await server.db.query<{ address_id: string }>('select address_id from bookings where id = $1', [booking.id]);
    const earlier = (await book(server.http, customerToken, { addressId: address.rows[0].address_id, slotStart: china('2030-01-08', '09:00') })).json();
    const res = await server.http('GET', '/api/staff/tasks', { token: staffToken });
    expect(res.status).toBe(200);
    const board = res.json();
    expect([board.today, board.upcoming]).toEqual([[], []]);
    // Both offers lapse at the same moment: the sooner visit comes first.
    const tasks = board.offers;
    expect(tasks.map((t: { id: string }) => t.id)).toEqual([earlier.id, booking.id]);
    expect(tasks[0]).toEqual({
      id: earlier.id,
      status: 'offered',
      statusLabel: '等待服务人员确认',
      version: 3,
      serviceType: 'claim',
      claimType: 'inpatient',
      customerName: '张**',
      slotStart: china('2030-01-08', '09:00'),
      slotEnd: china('2030-01-08', '10:00'),
      address: { label: '家', text: expect.stringMatching(/^测试路/), district: '测试区' },
      note: null,
      offerExpiresAt: '2030-01-07T00:30:00.000Z',
      customerPhone: null,
      allowedActions: ['confirm', 'decline'],
      needs: { mobility: [], dialect: null, hardOfHearing: false },
      escort: null,
      // The staff member's base is at the elder's door in this test.
      travel: { from: 'base', distanceKm: 0, minutes: 1 },
      customerPhotoCount: 0,
    });
  });

  it('shows other staff members nothing of it', async () => {
    const { booking, rivalToken } = await offeredVisit();
    const board = (await server.http('GET', '/api/staff/tasks', { token: rivalToken })).json();
    expect(board).toEqual({ offers: [], today: [], upcoming: [] });
    expect((await server.http('GET', `/api/staff/tasks/${booking.id}`, { token: rivalToken })).status).toBe(404);
  });
});

describe('POST /api/staff/tasks/:id/confirm', () => {
  it('confirms the offered visit, records the event and shows it on the customer’s timeline', async () => {
    const { booking, staffToken, customerToken } = await offeredVisit();
    const res = await server.http('POST', `/api/staff/tasks/${booking.id}/confirm`, { token: staffToken, body: { version: booking.version } });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ id: booking.id, status: 'confirmed', statusLabel: '已确认', version: booking.version + 1, allowedActions: ['depart', 'cancel'] });
    const view = (await server.http('GET', `/api/bookings/${booking.id}`, { token: customerToken })).json();
    expect(view.status).toBe('confirmed');
    expect(view.timeline.at(-1)).toMatchObject({ fromStatus: 'offered', toStatus: 'confirmed', actorRole: 'staff', text: '李老师已确认，会按约定时间上门' });
    const offer = await server.db.query('select outcome from booking_offers where booking_id = $1', [booking.id]);
    expect(offer.rows).toEqual([{ outcome: 'accepted' }]);
  });

  it('refuses a stale version with VERSION_CONFLICT, and a second confirm with TRANSITION_NOT_ALLOWED', async () => {
    const { booking, staffToken } = await offeredVisit();
    const stale = await server.http('POST', `/api/staff/tasks/${booking.id}/confirm`, { token: staffToken, body: { version: booking.version - 1 } });
    expect(stale.status).toBe(409);
    expect(stale.json()).toEqual({ code: 'VERSION_CONFLICT', message: ERROR_CATALOG.VERSION_CONFLICT.message });
    const ok = await server.http('POST', `/api/staff/tasks/${booking.id}/confirm`, { token: staffToken, body: { version: booking.version } });
    expect(ok.status).toBe(200);
    const replayed = await server.http('POST', `/api/staff/tasks/${booking.id}/confirm`, { token: staffToken, body: { version: booking.version } });
    expect(replayed.status).toBe(409);
    expect(replayed.json().code).toBe('VERSION_CONFLICT');
    const twice = await server.http('POST', `/api/staff/tasks/${booking.id}/confirm`, { token: staffToken, body: { version: ok.json().version } });
    expect(twice.status).toBe(409);
    expect(twice.json().code).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('answers another staff member with NOT_FOUND, and a customer with FORBIDDEN', async () => {
    const { booking, rivalToken, customerToken } = await offeredVisit();
    const rival = await server.http('POST', `/api/staff/tasks/${booking.id}/confirm`, { token: rivalToken, body: { version: booking.version } });
    expect(rival.status).toBe(404);
    expect(rival.json().code).toBe('NOT_FOUND');
    const customer = await server.http('POST', `/api/staff/tasks/${booking.id}/confirm`, { token: customerToken, body: { version: booking.version } });
    expect(customer.status).toBe(403);
    expect(customer.json().code).toBe('FORBIDDEN');
    const events = await server.db.query('select action from visit_events where booking_id = $1 order by seq', [booking.id]);
    expect(events.rows.map((r) => r.action)).toEqual(['submit', 'start_matching', 'offer']);
  });

  it('lets only one of two simultaneous confirms through', async () => {
    const { booking, staffToken } = await offeredVisit();
    const confirm = () => server.http('POST', `/api/staff/tasks/${booking.id}/confirm`, { token: staffToken, body: { version: booking.version } });
    const statuses = (await Promise.all([confirm(), confirm(), confirm()])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409]);
    const events = await server.db.query('select action from visit_events where booking_id = $1 and action = $2', [booking.id, 'confirm']);
    expect(events.rows).toHaveLength(1);
  });
});
