/**
 * The live channel (GET /api/live) on a real server and database: who may connect, and who hears
 * which change. "Hears nothing" is proved without waiting for time to pass: changes are pushed in
 * commit order, one after another, so once a socket heard a later change meant for it (a
 * "sentinel"), every earlier change it was going to hear has arrived.
 */
import { ERROR_CATALOG } from '@domain';
import { LIVE_CLOSE } from '@domain/live';
import { china, linkFamily, signIn } from '../helpers/fixtures';
import { LiveClient } from '../helpers/live-client';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { bookVisit, customerView, newKey, staffAct, workUntil, world, type World } from '../helpers/visits';
import { sessionFor } from '../helpers/authz-world';

let server: TestServer;
const open: LiveClient[] = [];

beforeAll(async () => {
  // A heartbeat every second, so an ended session is noticed within the test.
  server = await startTestServer({ env: { LIVE_HEARTBEAT_SECONDS: '1' } });
});
afterAll(async () => {
  open.forEach((c) => c.close());
  await server.close();
});

async function live(token?: string): Promise<LiveClient> {
  const client = await LiveClient.connect(server.baseUrl, token);
  open.push(client);
  return client;
}

async function dispatcherToken(): Promise<string> {
  const r = await server.db.query<{ id: string }>(`insert into users (role, name, gender) values ('dispatcher', '调度小周', 'female') returning id`);
  return signIn(server.http, r.rows[0].id);
}

/**
 * E (an elder) with staff A and B nearby; F, a family member E consented to, who is also an elder
 * with a staff member S of their own (so F's own booking is a sentinel for F and for S).
 */
async function people() {
  const e = await world(server.db, server.http, { staff: 2 });
  const f = await world(server.db, server.http, { staff: 1 });
  await linkFamily(server.db, f.elder.id, e.elder.id);
  return { e, f, a: e.staff[0], b: e.staff[1], s: f.staff[0] };
}

/** A booking of this world's elder; heard by `who` once offered (the sentinel). */
async function sentinel(w: World, who: LiveClient[], slot?: string) {
  const booking = await bookVisit(server.http, w, slot);
  await Promise.all(who.map((c) => c.hears(booking.id, booking.version)));
  return booking;
}

describe('connecting', () => {
  it('tells a plain GET how to connect, and signs a socket in only with a valid session, sent as the first message', async () => {
    const plain = await server.http('GET', '/api/live');
    expect(plain.status).toBe(200);
    expect(plain.json()).toEqual({ protocol: 'websocket', firstMessage: 'auth', authTimeoutSeconds: 10, heartbeatSeconds: 1 });

    const noToken = await live();
    noToken.send({ type: 'auth' });
    expect((await noToken.closed).code).toBe(LIVE_CLOSE.unauthenticated);

    const wrong = await live('x'.repeat(43));
    expect(wrong.heard).toEqual([{ type: 'denied', code: 'UNAUTHENTICATED', message: ERROR_CATALOG.UNAUTHENTICATED.message }]);
    expect((await wrong.closed).code).toBe(LIVE_CLOSE.unauthenticated);

    const { e } = await people();
    const expired = await live(await sessionFor(server.db, e.elder.id, new Date('2030-01-01T00:00:00Z')));
    expect(expired.heard).toEqual([{ type: 'denied', code: 'SESSION_EXPIRED', message: ERROR_CATALOG.SESSION_EXPIRED.message }]);
    expect((await expired.closed).code).toBe(LIVE_CLOSE.unauthenticated);

    const good = await live(e.elder.token);
    expect(good.heard).toEqual([{ type: 'ready', heartbeatSeconds: 1 }]);
  });

  it('closes the socket when its person signs out, or when the session runs out', async () => {
    const { e, f } = await people();
    const elder = await live(e.elder.token);
    await server.http('POST', '/api/auth/logout', { token: e.elder.token });
    await elder.next((m) => m.type === 'denied' && m.code === 'UNAUTHENTICATED', 'denied after sign-out');
    expect((await elder.closed).code).toBe(LIVE_CLOSE.unauthenticated);

    const soon = new Date(server.clock.now().getTime() + 60_000);
    const family = await live(await sessionFor(server.db, f.elder.id, soon));
    expect(family.heard[0]).toMatchObject({ type: 'ready' });
    server.clock.advanceMinutes(2);
    try {
      await family.next((m) => m.type === 'denied' && m.code === 'SESSION_EXPIRED', 'denied after expiry');
      expect((await family.closed).code).toBe(LIVE_CLOSE.unauthenticated);
    } finally {
      server.clock.advanceMinutes(-2);
    }
  });
});

describe('who hears a change', () => {
  it('pushes a confirm to the elder, the consenting family, the assigned staff member and dispatchers; others hear nothing', async () => {
    const { e, f, a, b, s } = await people();
    const [elder, family, assigned, other, stranger, desk] = await Promise.all([
      live(e.elder.token), live(f.elder.token), live(a.token), live(b.token), live(s.token), live(await dispatcherToken()),
    ]);
    const booking = await bookVisit(server.http, e);
    const confirmed = await staffAct(server.http, a.token, booking.id, 'confirm', { version: booking.version });
    expect(confirmed.status).toBe(200);
    const push = { type: 'visit', bookingId: booking.id, version: confirmed.json().version, status: 'confirmed' };
    for (const c of [elder, family, assigned, desk]) await expect(c.hears(booking.id, push.version)).resolves.toEqual(push);

    // Staff B (qualified, nearby, not assigned) and staff S of another elder: nothing about E's visit.
    // Sentinels: F's own visit goes to S; E's second visit at the same time goes to B (A is busy).
    await sentinel(f, [family, stranger]);
    await sentinel(e, [other]);
    expect(stranger.about(booking.id)).toEqual([]);
    expect(other.about(booking.id)).toEqual([]);
    // Nothing but ids and a status: no name, no address, no phone, no door code.
    expect(Object.keys(elder.about(booking.id).at(-1) as object).sort()).toEqual(['bookingId', 'status', 'type', 'version']);
  });

  it('stops pushing to a family member from the change after the elder revoked their consent', async () => {
    const { e, f, a } = await people();
    const [elder, family] = await Promise.all([live(e.elder.token), live(f.elder.token)]);
    const booking = await bookVisit(server.http, e);
    const confirmed = (await staffAct(server.http, a.token, booking.id, 'confirm', { version: booking.version })).json();
    await family.hears(booking.id, confirmed.version);

    const link = await server.db.query<{ id: string }>('select id from family_links where family_user_id = $1 and elder_user_id = $2', [f.elder.id, e.elder.id]);
    expect((await server.http('POST', `/api/family/links/${link.rows[0].id}/revoke`, { token: e.elder.token })).status).toBe(200);
    const departed = (await staffAct(server.http, a.token, booking.id, 'depart', { version: confirmed.version, location: { lat: e.area.lat + 0.02, lng: e.area.lng } })).json();
    await elder.hears(booking.id, departed.version);
    await staffAct(server.http, a.token, booking.id, 'location', { lat: e.area.lat + 0.01, lng: e.area.lng });
    await elder.next((m) => m.type === 'eta' && m.bookingId === booking.id, 'the arrival estimate');

    await sentinel(f, [family]);
    expect(family.about(booking.id).map((m) => m.type === 'visit' && m.version)).not.toContain(departed.version);
    expect(family.about(booking.id).filter((m) => m.type === 'eta')).toEqual([]);
  });

  it('tells the staff member a visit was taken from about that change once, then nothing more', async () => {
    const { e, a, b } = await people();
    const [first, second] = await Promise.all([live(a.token), live(b.token)]);
    const booking = await bookVisit(server.http, e);
    await first.hears(booking.id, booking.version);
    expect((await staffAct(server.http, a.token, booking.id, 'decline', { version: booking.version, reason: '车坏了' })).status).toBe(204);
    const taken = await first.next((m) => m.type === 'visit' && m.bookingId === booking.id && m.version > booking.version, 'the decline');
    expect(taken).toMatchObject({ status: 'matching' });

    // Matched again at once: offered to B, who confirms.
    const offered = await second.next((m) => m.type === 'visit' && m.bookingId === booking.id && m.status === 'offered', 'the offer to B');
    const confirmed = (await staffAct(server.http, b.token, booking.id, 'confirm', { version: (offered as { version: number }).version })).json();
    await second.hears(booking.id, confirmed.version);

    await sentinel(e, [first], china('2030-01-09', '14:00'));
    expect(first.about(booking.id)).toEqual([{ type: 'visit', bookingId: booking.id, version: booking.version, status: 'offered' }, taken]);
  });

  it('pushes the new arrival estimate to the elder and family, equal to what their page then reads; not to dispatchers', async () => {
    const { e, f, a } = await people();
    const [elder, family, desk] = await Promise.all([live(e.elder.token), live(f.elder.token), live(await dispatcherToken())]);
    const booking = await bookVisit(server.http, e);
    const confirmed = (await staffAct(server.http, a.token, booking.id, 'confirm', { version: booking.version })).json();
    const departed = (await staffAct(server.http, a.token, booking.id, 'depart', { version: confirmed.version, location: { lat: e.area.lat + 0.03, lng: e.area.lng } })).json();
    expect((await staffAct(server.http, a.token, booking.id, 'location', { lat: e.area.lat + 0.01, lng: e.area.lng })).status).toBe(204);

    const { eta } = await customerView(server.http, e.elder.token, booking.id);
    const push = { type: 'eta', bookingId: booking.id, at: eta.at, distanceKm: eta.distanceKm };
    await expect(elder.next((m) => m.type === 'eta')).resolves.toEqual(push);
    await expect(family.next((m) => m.type === 'eta')).resolves.toEqual(push);

    const { doorCode } = await customerView(server.http, e.elder.token, booking.id);
    const arrived = (await staffAct(server.http, a.token, booking.id, 'arrive', { version: departed.version, doorCode })).json();
    await desk.hears(booking.id, arrived.version);
    expect(desk.about(booking.id).filter((m) => m.type === 'eta')).toEqual([]);
  });

  it('pushes a record write at the door (a document) to the elder, so their page reads the record again', async () => {
    const { e, a } = await people();
    const elder = await live(e.elder.token);
    const booking = await bookVisit(server.http, e);
    const started = await workUntil(server.http, e, a, booking, 'in_service');
    await elder.hears(booking.id, started.version);
    // The status does not move: the push repeats the version, and the page fetches the record.
    const pushes = () => elder.about(booking.id).filter((m) => m.type === 'visit' && m.version === started.version).length;
    const before = pushes();
    const res = await server.http('PUT', `/api/staff/tasks/${booking.id}/record/documents/doc-0`, {
      token: a.token,
      body: { status: 'not_available', originalTaken: false },
      headers: { 'idempotency-key': newKey('doc') },
    });
    expect(res.status).toBe(200);
    await elder.next(() => pushes() > before, 'the push of the record write');
  });

  it('announces nothing for a change that was refused (rolled back)', async () => {
    const { e, a } = await people();
    const elder = await live(e.elder.token);
    const booking = await bookVisit(server.http, e);
    const stale = await staffAct(server.http, a.token, booking.id, 'confirm', { version: booking.version - 1 });
    expect(stale.status).toBe(409);
    await elder.hears(booking.id, booking.version);
    const confirmed = (await staffAct(server.http, a.token, booking.id, 'confirm', { version: booking.version })).json();
    await elder.hears(booking.id, confirmed.version);
    const versions = elder.about(booking.id).map((m) => (m.type === 'visit' ? m.version : null));
    expect(versions.filter((v) => v === confirmed.version)).toHaveLength(1);
  });
});
