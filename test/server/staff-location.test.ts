/**
 * The location shared while travelling: the customer and consenting family see an estimated
 * arrival, never the staff member's coordinates, and the point is forgotten once the staff member
 * is at the door or the visit ends.
 */
import { ERROR_CATALOG } from '@domain';
import { createCustomer, linkFamily, signIn } from '../helpers/fixtures';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { bookVisit, customerView, staffAct, world, type StaffMember } from '../helpers/visits';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => server.clock.set('2030-01-07T00:00:00.000Z'));

const ping = (m: StaffMember, id: string, body: unknown, token = m.token) => server.http('POST', `/api/staff/tasks/${id}/location`, { token, body });
const minutesFromNow = (n: number) => new Date(server.clock.now().getTime() + n * 60_000).toISOString();
const pointsOf = async (id: string) => (await server.db.query('select lat, lng from staff_locations where booking_id = $1', [id])).rows;

async function travelling() {
  const w = await world(server.db, server.http, { staff: 2 });
  const child = await createCustomer(server.db, { at: null });
  await linkFamily(server.db, child.id, w.elder.id);
  const booking = await bookVisit(server.http, w);
  const m = w.staff[0];
  const confirmed = (await staffAct(server.http, m.token, booking.id, 'confirm', { version: booking.version })).json();
  return { w, m, booking, confirmed, childToken: await signIn(server.http, child.id) };
}

describe('the estimated arrival', () => {
  it('follows the latest point, for the elder and consenting family, and never shows the point', async () => {
    const { w, m, booking, confirmed, childToken } = await travelling();
    // 0.045° north of the door: 5.0 km, 20 minutes by the city's roads.
    const start = { lat: w.area.lat + 0.0450017, lng: w.area.lng + 0.0000013 };
    const departed = await staffAct(server.http, m.token, booking.id, 'depart', { version: confirmed.version, location: start });
    expect(departed.status).toBe(200);
    expect((await customerView(server.http, w.elder.token, booking.id)).eta).toEqual({
      at: minutesFromNow(20), distanceKm: 5, updatedAt: server.clock.now().toISOString(),
    });

    server.clock.advanceMinutes(10);
    // 0.018° north: 2.0 km, 8 minutes.
    const nearer = { lat: w.area.lat + 0.0180023, lng: w.area.lng + 0.0000029 };
    const res = await ping(m, booking.id, nearer);
    expect([res.status, res.text]).toEqual([204, '']);
    const expected = { at: minutesFromNow(8), distanceKm: 2, updatedAt: server.clock.now().toISOString() };
    const elderView = await server.http('GET', `/api/bookings/${booking.id}`, { token: w.elder.token });
    const childView = await server.http('GET', `/api/bookings/${booking.id}`, { token: childToken });
    expect(elderView.json().eta).toEqual(expected);
    expect(childView.json().eta).toEqual(expected);
    expect(await pointsOf(booking.id)).toEqual([nearer]);

    const answers = [elderView, childView, ...(await Promise.all([
      server.http('GET', '/api/bookings', { token: w.elder.token }),
      server.http('GET', '/api/bookings', { token: childToken }),
      server.http('GET', '/api/family', { token: childToken }),
    ]))];
    for (const a of answers) {
      expect(a.status).toBe(200);
      for (const p of [start, nearer]) expect([a.text.includes(String(p.lat)), a.text.includes(String(p.lng))]).toEqual([false, false]);
    }
  });

  it('is gone with the point once the staff member arrives, and sharing is refused unless on the way', async () => {
    const { w, m, booking, confirmed } = await travelling();
    const here = { lat: w.area.lat + 0.01, lng: w.area.lng };
    expect([(await ping(m, booking.id, here)).status, (await ping(m, booking.id, here)).json().code]).toEqual([409, 'TRANSITION_NOT_ALLOWED']);
    const departed = (await staffAct(server.http, m.token, booking.id, 'depart', { version: confirmed.version })).json();
    // Set off without a location: no estimate until the phone sends one.
    expect((await customerView(server.http, w.elder.token, booking.id)).eta).toBeNull();
    expect((await ping(m, booking.id, here)).status).toBe(204);
    expect((await customerView(server.http, w.elder.token, booking.id)).eta).not.toBeNull();

    const other = await ping(w.staff[1], booking.id, here);
    expect([other.status, other.json()]).toEqual([404, { code: 'NOT_FOUND', message: ERROR_CATALOG.NOT_FOUND.message }]);
    expect((await ping(m, booking.id, here, w.elder.token)).status).toBe(403);
    expect((await ping(m, booking.id, { lat: 91, lng: 0 })).status).toBe(400);

    const { doorCode } = await customerView(server.http, w.elder.token, booking.id);
    expect((await staffAct(server.http, m.token, booking.id, 'arrive', { version: departed.version, doorCode })).status).toBe(200);
    expect(await pointsOf(booking.id)).toEqual([]);
    expect((await customerView(server.http, w.elder.token, booking.id)).eta).toBeNull();
    expect((await ping(m, booking.id, here)).json().code).toBe('TRANSITION_NOT_ALLOWED');
    expect(await pointsOf(booking.id)).toEqual([]);
  });

  it('forgets the point when the visit ends on the way (the customer was not there)', async () => {
    const { w, m, booking, confirmed } = await travelling();
    const departed = (await staffAct(server.http, m.token, booking.id, 'depart', { version: confirmed.version, location: { lat: w.area.lat, lng: w.area.lng + 0.01 } })).json();
    expect(await pointsOf(booking.id)).toHaveLength(1);
    const noShow = await staffAct(server.http, m.token, booking.id, 'no-show', { version: departed.version, reason: '电话打不通' });
    expect(noShow.json().status).toBe('no_show_customer');
    expect(await pointsOf(booking.id)).toEqual([]);
  });
});
