/**
 * Bad input, thousands of times: for every registered route, fast-check breaks a request the route
 * would accept (token, path params, query, body, JSON, content type, size, headers) and sends it
 * over real HTTP. Every answer: no 5xx; an error has a stable code from ERROR_CATALOG, that code's
 * status and a Chinese message; a refused change is refused (4xx); and the database is the same
 * after every route's run as before it, to the last row (count and md5 of every table).
 * Seeded and reproducible: FUZZ_SEED picks another seed, FUZZ_RUNS another total.
 */
import fc from 'fast-check';
import { ERROR_CATALOG, type ErrorCode } from '@domain';
import { ROUTE_FIXTURES, fillPath, withQuery, type CaseRequest } from '../helpers/authz-fixtures';
import { CALLERS, COLUMN_OF, createWorld, reachState, sessionFor, type World, type WorldServers } from '../helpers/authz-world';
import { snapshotDatabase } from '../helpers/db-snapshot';
import { startFakeWechat, type FakeWechat } from '../helpers/fake-wechat';
import {
  accepts, badAuthorization, badId, brokenBody, closeRawClient, junkQuery, malformedJson, rawSegment, sendRaw, wrongContentType, type RawRequest, type RouteSchema,
} from '../helpers/fuzz-requests';
import { documentableRoutes, readPolicy, withRegisteredRoutes, type PolicyRow, type RegisteredRoute } from '../helpers/route-catalog';
import { startTestServer, type TestServer } from '../helpers/test-server';

const SEED = Number(process.env.FUZZ_SEED ?? 20300107);
const TOTAL_RUNS = Number(process.env.FUZZ_RUNS ?? 3200);
const CJK = /[\u4e00-\u9fff]/;
const ROWS = readPolicy();

let server: TestServer;
let wechat: FakeWechat;
let registered: RegisteredRoute[];
let routes: RegisteredRoute[];
let sent = 0;
const worlds = new Map<string, World>();
let badTokens: { expired: string; loggedOut: string; otherRoleless: string };

beforeAll(async () => {
  const recorded = await withRegisteredRoutes(() => startTestServer());
  server = recorded.built;
  registered = documentableRoutes(recorded.routes);
  // A route without a fixture or row fails the first test (and the matrix); the rest are fuzzed.
  routes = registered.filter((r) => ROUTE_FIXTURES[r.key] && ROWS.some((row) => row.key === r.key));
  wechat = await startFakeWechat();
  const servers: WorldServers = { db: server.db, http: server.http, wechatHttp: server.http, wechat };
  // One world per state the fixtures need; made before any snapshot, and never changed after.
  for (const route of routes) {
    const fixture = ROUTE_FIXTURES[route.key];
    const key = `${fixture?.state ?? 'offered'}|${fixture?.setup?.name ?? ''}`;
    if (!fixture || worlds.has(key)) continue;
    const w = await createWorld(servers);
    if (fixture.state) await reachState(w, fixture.state);
    await fixture.setup?.(w);
    worlds.set(key, w);
  }
  const someone = [...worlds.values()][0];
  const loggedOut = await sessionFor(server.db, someone.elder.id);
  await server.http('POST', '/api/auth/logout', { token: loggedOut });
  badTokens = { expired: await sessionFor(server.db, someone.elder.id, new Date('2029-12-31T00:00:00Z')), loggedOut, otherRoleless: 'x'.repeat(43) };
}, 300_000);

afterAll(async () => {
  console.log(`fuzz: ${sent} malformed requests to ${routes?.length} routes (seed ${SEED}): no 5xx, every error a catalog code with a Chinese message, no database change`);
  closeRawClient();
  await server?.close();
  await wechat?.close();
});

interface Target {
  route: RegisteredRoute;
  row: PolicyRow;
  world: World;
  good: CaseRequest;
  token: string | undefined;
  /** Any request that is not a read: each fuzzed one must be refused. */
  changes: boolean;
}

async function targetFor(route: RegisteredRoute): Promise<Target> {
  const row = ROWS.find((r) => r.key === route.key) as PolicyRow;
  const fixture = ROUTE_FIXTURES[route.key];
  const world = worlds.get(`${fixture.state ?? 'offered'}|${fixture.setup?.name ?? ''}`) as World;
  // Signed in as someone the route lets through, so the break, not the role, is what is refused.
  const allowed = CALLERS.find((c) => row.expect[COLUMN_OF[c]].status < 400 && c !== 'anonymous');
  const open = row.expect.anonymous.status < 400;
  return { route, row, world, good: fixture.request(world), token: open || !allowed ? undefined : await world.token(allowed), changes: route.method !== 'GET' };
}

function encodeSegment(value: string): string | null {
  try {
    return encodeURIComponent(value);
  } catch {
    return null; // a lone surrogate cannot be sent as UTF-8
  }
}

function baseRequest(t: Target): RawRequest {
  const headers: Record<string, string> = { ...t.good.headers };
  if (t.token) headers.authorization = `Bearer ${t.token}`;
  const req: RawRequest = { method: t.route.method, path: withQuery(fillPath(t.route.url, t.good.params), t.good.query), headers };
  if (t.good.body !== undefined) {
    req.body = JSON.stringify(t.good.body);
    headers['content-type'] = 'application/json';
  }
  if (t.good.rawBody !== undefined) req.body = t.good.rawBody;
  return req;
}

function withParam(t: Target, name: string, encoded: string): RawRequest {
  const params = Object.fromEntries(Object.entries(t.good.params ?? {}).map(([k, v]) => [k, encodeURIComponent(v)]));
  params[name] = encoded;
  const path = t.route.url.replace(/:([A-Za-z0-9_]+)/g, (_m, n: string) => params[n]);
  return { ...baseRequest(t), path: withQuery(path, t.good.query) };
}

function breaks(t: Target): Array<fc.Arbitrary<RawRequest>> {
  const schema = (t.route.schema ?? {}) as RouteSchema;
  const base = () => baseRequest(t);
  const paramNames = Object.keys(t.good.params ?? {});
  const out: Array<fc.Arbitrary<RawRequest>> = [];
  if (t.row.expect.anonymous.status === 401) {
    out.push(badAuthorization(badTokens).map((auth) => {
      const req = base();
      if (auth === undefined) delete req.headers.authorization;
      else req.headers.authorization = auth;
      return req;
    }));
  }
  if (paramNames.length > 0) {
    const name = fc.constantFrom(...paramNames);
    out.push(fc.tuple(name, badId)
      .filter(([n, v]) => encodeSegment(v) !== null && !(t.changes && accepts(schema.params, { ...t.good.params, [n]: v })))
      .map(([n, v]) => withParam(t, n, encodeSegment(v) as string)));
    out.push(fc.tuple(name, rawSegment).map(([n, raw]) => withParam(t, n, raw)));
  }
  if (schema.body) {
    out.push(brokenBody(t.good.body as Record<string, unknown>)
      .filter((b) => !accepts(schema.body, b))
      .map((b) => ({ ...base(), body: JSON.stringify(b) ?? 'null', headers: { ...base().headers, 'content-type': 'application/json' } })));
  }
  if (t.changes) {
    out.push(malformedJson.map((body) => ({ ...base(), body, headers: { ...base().headers, 'content-type': 'application/json' } })));
    // Not JSON whatever the type says, so even a lenient parser could not read a valid body out of it.
    // A route that takes no body may well read text/plain (Fastify parses it) and ignore it: not a break there.
    const types = schema.body ? wrongContentType : wrongContentType.filter((type) => type !== 'text/plain');
    out.push(types.map((type) => ({ ...base(), body: 'version=1&reason=x&<a/>', headers: { ...base().headers, 'content-type': type } })));
    out.push(fc.integer({ min: 65 * 1024, max: 256 * 1024 }).map((n) => ({ ...base(), body: `{"pad":"${'x'.repeat(n)}"}`, headers: { ...base().headers, 'content-type': 'application/json' } })));
  }
  if (schema.headers) {
    out.push(fc.oneof(fc.constant(undefined), fc.string({ unit: fc.constantFrom(...'aZ09-_ .~!/é'.split('')), maxLength: 120 }))
      .filter((v) => !accepts(schema.headers, { ...base().headers, 'idempotency-key': v }))
      .map((v) => {
        const req = base();
        if (v === undefined) delete req.headers['idempotency-key'];
        else req.headers['idempotency-key'] = v;
        return req;
      }));
  }
  if (!t.changes) out.push(junkQuery.map((q) => ({ ...base(), path: `${fillPath(t.route.url, t.good.params)}?${q}` })));
  return out;
}

function problemsOf(t: Target, res: { status: number; text: string }): string[] {
  if (res.status >= 500) return [`5xx: ${res.status} ${res.text.slice(0, 200)}`];
  if (t.changes && res.status < 400) return [`accepted a malformed change: ${res.status} ${res.text.slice(0, 200)}`];
  if (res.status < 400) return [];
  let body: { code?: string; message?: string };
  try {
    body = JSON.parse(res.text);
  } catch {
    return [`error is not JSON: ${res.status} ${res.text.slice(0, 200)}`];
  }
  const entry = ERROR_CATALOG[body.code as ErrorCode];
  if (!entry) return [`unknown code ${body.code} (${res.status}): ${res.text.slice(0, 200)}`];
  if (entry.status !== res.status) return [`${body.code} sent with ${res.status}, catalog says ${entry.status}`];
  if (!CJK.test(body.message ?? '')) return [`${body.code} message not Chinese: ${body.message}`];
  return [];
}

it('every route has a fixture and a row to fuzz from', () => {
  expect(registered.filter((r) => !ROUTE_FIXTURES[r.key] || !ROWS.some((row) => row.key === r.key)).map((r) => r.key)).toEqual([]);
});

it(`answers ${TOTAL_RUNS}+ malformed requests across every route without a 5xx, with catalog errors, and changes nothing`, async () => {
  const runs = Math.ceil(TOTAL_RUNS / routes.length);
  const failures: string[] = [];
  for (const [i, route] of routes.entries()) {
    const t = await targetFor(route);
    const before = await snapshotDatabase(server.db);
    await fc.assert(
      fc.asyncProperty(fc.oneof(...breaks(t)), async (req) => {
        const res = await sendRaw(server.baseUrl, req);
        sent += 1;
        const problems = problemsOf(t, res);
        if (problems.length > 0) failures.push(`${route.key} ← ${req.method} ${req.path.slice(0, 120)} ${JSON.stringify(req.headers).slice(0, 160)} ${(req.body ?? '').slice(0, 120)}: ${problems.join('; ')}`);
        return true;
      }),
      { seed: SEED + i, numRuns: runs, endOnFailure: true },
    );
    const after = await snapshotDatabase(server.db);
    if (JSON.stringify(after) !== JSON.stringify(before)) {
      const changed = Object.keys(after).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]));
      failures.push(`${route.key}: the database changed (${changed.join(', ')})`);
    }
  }
  expect(failures.slice(0, 40)).toEqual([]);
  expect(sent).toBeGreaterThanOrEqual(TOTAL_RUNS);
}, 900_000);
