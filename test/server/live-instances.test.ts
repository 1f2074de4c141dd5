/**
 * Two API instances on one database: a change made through one reaches the sockets of the other.
 * On PGlite both apps hear PGlite's in-process NOTIFY; in the PostgreSQL run of the server tests
 * (scripts/test-server-pg.sh) each app LISTENs on its own dedicated connection, so the change
 * really crosses from one connection to another through the server.
 */
import { BUS_APPLICATION_NAME, MAX_BUS_PAYLOAD_BYTES, openChangeBus, publish } from '../../server/db/bus';
import { linkFamily } from '../helpers/fixtures';
import { LiveClient } from '../helpers/live-client';
import { startTestServer, type TestApp, type TestServer } from '../helpers/test-server';
import { bookVisit, customerView, staffAct, world } from '../helpers/visits';

let server: TestServer;
let other: TestApp;
const open: LiveClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  other = await server.variant({});
});
afterAll(async () => {
  open.forEach((c) => c.close());
  await server.close();
});

async function live(app: TestApp, token: string): Promise<LiveClient> {
  const client = await LiveClient.connect(app.baseUrl, token);
  open.push(client);
  return client;
}

it(`runs on ${process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL (LISTEN/NOTIFY)' : 'PGlite (in-process NOTIFY)'}`, () => {
  expect(server.db.kind).toBe(process.env.DATABASE_URL?.startsWith('postgres') ? 'postgres' : 'pglite');
});

it('pushes a change made through one instance to sockets on the other, each socket once', async () => {
  const e = await world(server.db, server.http);
  const f = await world(server.db, server.http);
  await linkFamily(server.db, f.elder.id, e.elder.id);
  const staff = e.staff[0];
  // The elder's phone on instance 2, the family member's on instance 1, the staff member on both.
  const [elder, family, staffHere, staffThere] = await Promise.all([
    live(other, e.elder.token), live(server, f.elder.token), live(server, staff.token), live(other, staff.token),
  ]);

  const booking = await bookVisit(server.http, e);
  const confirmed = (await staffAct(server.http, staff.token, booking.id, 'confirm', { version: booking.version })).json();
  const departed = (await staffAct(other.http, staff.token, booking.id, 'depart', { version: confirmed.version, location: { lat: e.area.lat + 0.02, lng: e.area.lng } })).json();
  for (const c of [elder, family, staffHere, staffThere]) {
    await c.hears(booking.id, confirmed.version);
    await c.hears(booking.id, departed.version);
  }
  // Made through instance 1, told by instance 1 to its own sockets and by instance 2 to its own: once each.
  const versions = (c: LiveClient) => c.about(booking.id).map((m) => (m.type === 'visit' ? m.version : null));
  for (const c of [elder, family]) expect(versions(c)).toEqual([booking.version - 1, booking.version, confirmed.version, departed.version]);
  // Staff see the visit from the offer on (before it, it was on nobody's board).
  for (const c of [staffHere, staffThere]) expect(versions(c)).toEqual([booking.version, confirmed.version, departed.version]);

  // The location sent to instance 1 moves the estimate on the elder's page served by instance 2.
  await staffAct(server.http, staff.token, booking.id, 'location', { lat: e.area.lat + 0.01, lng: e.area.lng });
  const eta = await elder.next((m) => m.type === 'eta', 'the arrival estimate');
  const view = await customerView(other.http, e.elder.token, booking.id);
  expect(eta).toEqual({ type: 'eta', bookingId: booking.id, at: view.eta.at, distanceKm: view.eta.distanceKm });
});

it('refuses a bus message over NOTIFY’s limit: ids only', async () => {
  await expect(publish(server.db, { kind: 'visit', pad: 'x'.repeat(MAX_BUS_PAYLOAD_BYTES) })).rejects.toThrow(/too large/);
});

const quiet = { info: () => undefined, warn: () => undefined };

/** Resolves when `check` passes, polling every 20 ms, or rejects after 10 s naming `what`. */
async function eventually(what: string, check: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

it('announces a change only when its transaction commits: a rolled-back one is never heard', async () => {
  const bus = await openChangeBus({ db: server.db, databaseUrl: server.config.databaseUrl, log: quiet });
  const heard: unknown[] = [];
  bus.subscribe((m) => heard.push(m));
  try {
    const rolledBack = server.db.transaction(async (tx) => {
      await publish(tx, { kind: 'bus-test', n: 1 });
      throw new Error('the change failed');
    });
    await expect(rolledBack).rejects.toThrow('the change failed');
    await server.db.transaction((tx) => publish(tx, { kind: 'bus-test', n: 2 }));
    await server.db.transaction((tx) => publish(tx, { kind: 'bus-test', n: 3 }));
    await eventually('the committed announcements', () => heard.length >= 2);
    expect(heard).toEqual([{ kind: 'bus-test', n: 2 }, { kind: 'bus-test', n: 3 }]);
  } finally {
    await bus.close();
  }
});

// A PostgreSQL server can drop the listening connection (restart, failover, idle kill); PGlite
// runs in the process and has none to lose, so this one runs in the PostgreSQL pass of npm test.
if (process.env.DATABASE_URL?.startsWith('postgres')) {
  it('when PostgreSQL drops the listening connections, both instances listen again, tell their sockets to catch up, and push later changes', async () => {
    const e = await world(server.db, server.http);
    const staff = e.staff[0];
    const booking = await bookVisit(server.http, e);
    const [here, there] = await Promise.all([live(server, e.elder.token), live(other, e.elder.token)]);

    const killed = await server.db.query<{ ok: boolean }>(
      `select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = current_database() and application_name = $1`,
      [BUS_APPLICATION_NAME],
    );
    // One LISTEN connection per instance (a bus closed a moment ago may still be on its way out).
    expect(killed.rows.filter((r) => r.ok).length).toBeGreaterThanOrEqual(2);
    // Changes made while nobody listened may be lost: each phone is told to read again.
    await here.next((m) => m.type === 'resync', 'a resync after the gap');
    await there.next((m) => m.type === 'resync', 'a resync after the gap');

    const confirmed = (await staffAct(other.http, staff.token, booking.id, 'confirm', { version: booking.version })).json();
    await here.hears(booking.id, confirmed.version);
    await there.hears(booking.id, confirmed.version);
  });
}
