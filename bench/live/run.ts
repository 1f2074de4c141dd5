/**
 * `npm run bench:live`: how long a visit's change takes to reach 500 connected phones. 500 family
 * members of one elder hold a live socket each (signed in as the app does); the staff member takes
 * visits through confirm → depart → arrive → start over the real HTTP API, one change at a time;
 * each socket stamps the push of each change. Figures from the action's HTTP response (and from
 * sending it): p50/p99 over every arrival, and per client. Two set-ups: one server process on
 * PGlite, and two server processes on one PostgreSQL with the sockets split between them (changes
 * made through the first). Options: --clients N --visits N (4 changes each) --only pglite|postgres.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../../test/e2e/support/server-process';
import { pgliteWorld, postgresWorld, type BenchWorld } from './world';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const CLIENTS = Number(arg('clients', '500'));
const VISITS = Number(arg('visits', '5'));
const ONLY = arg('only', 'both');
const ADMIN_URL = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : 'postgres://postgres@127.0.0.1:5432/postgres';
const SERVER_ENV = { LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT_PER_MINUTE: '0', SEED_DEMO_DATA: 'false', OFFER_SWEEP_SECONDS: '0' };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bench reads the fields it needs
type Json = any;

async function call(base: string, method: string, path: string, token?: string, body?: unknown): Promise<Json> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), 'idempotency-key': randomUUID() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

const signIn = async (base: string, userId: string): Promise<string> => (await call(base, 'POST', '/api/auth/dev-login', undefined, { userId })).token;

/** One phone's socket: every push stamped on arrival (performance.now()). */
interface Client {
  socket: WebSocket;
  arrivals: Map<string, number>;
}

function connect(base: string, token: string): Promise<Client> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/api/live`);
    const client: Client = { socket, arrivals: new Map() };
    socket.on('open', () => socket.send(JSON.stringify({ type: 'auth', token })));
    socket.on('error', reject);
    socket.on('message', (data) => {
      const at = performance.now();
      const m = JSON.parse(String(data));
      if (m.type === 'ready') resolve(client);
      else if (m.type === 'denied') reject(new Error(m.message));
      else if (m.type === 'visit') client.arrivals.set(`${m.bookingId}@${m.version}`, at);
    });
  });
}

async function connectAll(bases: string[], tokens: string[]): Promise<Client[]> {
  const clients: Client[] = [];
  // In batches, as phones come online: not 500 handshakes in the same millisecond.
  for (let i = 0; i < tokens.length; i += 50) {
    clients.push(...(await Promise.all(tokens.slice(i, i + 50).map((t, j) => connect(bases[(i + j) % bases.length], t)))));
  }
  return clients;
}

interface Change {
  key: string;
  sentAt: number;
  answeredAt: number;
}

async function waitForAll(clients: Client[], key: string): Promise<void> {
  const deadline = performance.now() + 15_000;
  while (clients.some((c) => !c.arrivals.has(key))) {
    if (performance.now() > deadline) throw new Error(`${clients.filter((c) => !c.arrivals.has(key)).length} clients never heard ${key}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** The staff member works each visit: confirm, depart, arrive, start; each change waits until every client heard it. */
async function makeChanges(base: string, world: BenchWorld, clients: Client[]): Promise<Change[]> {
  const elder = await signIn(base, world.elderId);
  const [address] = await call(base, 'GET', '/api/addresses', elder);
  const slots = await call(base, 'GET', `/api/slots?serviceType=claim&claimType=inpatient&addressId=${address.id}`, elder);
  const starts: string[] = slots.days.flatMap((d: Json) => d.slots.map((s: Json) => s.start));
  const changes: Change[] = [];
  for (let v = 0; v < VISITS; v++) {
    const booking = await call(base, 'POST', '/api/bookings', elder, { serviceType: 'claim', claimType: 'inpatient', addressId: address.id, slotStart: starts[v] });
    await waitForAll(clients, `${booking.id}@${booking.version}`);
    const staff = await signIn(base, booking.staff.id);
    let version: number = booking.version;
    for (const action of ['confirm', 'depart', 'arrive', 'start']) {
      const body: Json = { version };
      if (action === 'arrive') body.doorCode = (await call(base, 'GET', `/api/bookings/${booking.id}`, elder)).doorCode;
      const sentAt = performance.now();
      const task = await call(base, 'POST', `/api/staff/tasks/${booking.id}/${action}`, staff, body);
      const answeredAt = performance.now();
      version = task.version;
      const key = `${booking.id}@${version}`;
      await waitForAll(clients, key);
      changes.push({ key, sentAt, answeredAt });
    }
  }
  return changes;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};
const ms = (v: number) => `${v.toFixed(1)} ms`;

function report(label: string, clients: Client[], changes: Change[]): void {
  const fromAnswer = (c: Client) => changes.map((ch) => (c.arrivals.get(ch.key) as number) - ch.answeredAt);
  const fromSend = (c: Client) => changes.map((ch) => (c.arrivals.get(ch.key) as number) - ch.sentAt);
  const all = clients.flatMap(fromAnswer);
  const allSend = clients.flatMap(fromSend);
  const perClientP50 = clients.map((c) => percentile(fromAnswer(c), 50));
  const perClientP99 = clients.map((c) => percentile(fromAnswer(c), 99));
  const request = changes.map((c) => c.answeredAt - c.sentAt);
  console.log(`\n${label}: ${clients.length} clients × ${changes.length} changes = ${all.length} arrivals`);
  console.log(`  from the HTTP response: p50 ${ms(percentile(all, 50))}, p99 ${ms(percentile(all, 99))}, max ${ms(Math.max(...all))}`);
  console.log(`  from sending the request: p50 ${ms(percentile(allSend, 50))}, p99 ${ms(percentile(allSend, 99))} (the request itself: p50 ${ms(percentile(request, 50))})`);
  console.log(`  per client (from the response): p50 of each between ${ms(Math.min(...perClientP50))} and ${ms(Math.max(...perClientP50))}; p99 of each between ${ms(Math.min(...perClientP99))} and ${ms(Math.max(...perClientP99))}`);
}

async function bench(label: string, servers: RunningServer[], world: BenchWorld): Promise<void> {
  const bases = servers.map((s) => s.url);
  const tokens = await Promise.all(world.familyIds.map((id) => signIn(bases[0], id)));
  const clients = await connectAll(bases, tokens);
  try {
    report(label, clients, await makeChanges(bases[0], world, clients));
  } finally {
    clients.forEach((c) => c.socket.terminate());
  }
}

async function onPglite(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'homevisit-bench-live-'));
  try {
    const world = await pgliteWorld(dir, CLIENTS, VISITS);
    const server = await startServer({ ...SERVER_ENV, DATABASE_URL: '', DATA_DIR: dir });
    try {
      await bench('PGlite, one server process', [server], world);
    } finally {
      await server.stop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function onPostgres(): Promise<void> {
  const world = await postgresWorld(ADMIN_URL, CLIENTS, VISITS);
  const servers: RunningServer[] = [];
  try {
    for (let i = 0; i < 2; i++) servers.push(await startServer({ ...SERVER_ENV, DATABASE_URL: world.url }));
    await bench('PostgreSQL, two server processes (sockets split between them, changes through the first)', servers, world);
  } finally {
    for (const s of servers) await s.stop();
    await world.drop();
  }
}

async function main(): Promise<void> {
  console.log(`command: npm run bench:live -- ${process.argv.slice(2).join(' ')}`.trim());
  console.log(`machine: ${os.type()} ${os.release()}, ${os.cpus()[0]?.model} × ${os.cpus().length}, node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`${CLIENTS} family members of one elder connected, ${VISITS} visits × 4 staff actions; the clients run in this process, the servers in their own`);
  if (ONLY !== 'postgres') await onPglite();
  if (ONLY !== 'pglite') await onPostgres();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
