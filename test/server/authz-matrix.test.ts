/**
 * The authorisation matrix of docs/authorization.md, walked on a real server: every registered
 * route × every caller, each answer compared with its cell. Also the property-level rule on every
 * answer: staff never see the customer's full name, and see the address and phone only while the
 * visit is theirs; strangers see none of them.
 */
import { ERROR_CATALOG, type ErrorCode } from '@domain';
import { ROUTE_FIXTURES, fillPath, withQuery, type RouteFixture } from '../helpers/authz-fixtures';
import { CALLERS, COLUMN_OF, createWorld, reachState, type Caller, type World, type WorldServers } from '../helpers/authz-world';
import { startFakeWechat, type FakeWechat } from '../helpers/fake-wechat';
import type { HttpResponse } from '../helpers/http-client';
import { INTERNAL_ROUTES, documentableRoutes, readPolicy, type Expectation, type PolicyRow, type RegisteredRoute, withRegisteredRoutes } from '../helpers/route-catalog';
import { startTestServer, type TestServer } from '../helpers/test-server';

const ROWS = readPolicy();
const CJK = /[\u4e00-\u9fff]/;

/** Sign-in for demos lists and becomes anyone by design (only while WeChat is not configured). */
const REVEALS_BY_DESIGN = new Set(['GET /api/auth/demo-users', 'POST /api/auth/dev-login']);

let server: TestServer;
let wechat: FakeWechat;
let registered: RegisteredRoute[];
let servers: WorldServers;
let cases = 0;
/** What each caller got, printed as a matrix row with AUTHZ_PRINT=1 (to write a new route's row). */
const observed = new Map<string, number>();

beforeAll(async () => {
  const recorded = await withRegisteredRoutes(() => startTestServer());
  server = recorded.built;
  registered = recorded.routes;
  wechat = await startFakeWechat();
  const wechatApp = await server.variant(wechat.env());
  servers = { db: server.db, http: server.http, wechatHttp: wechatApp.http, wechat };
});

afterAll(async () => {

  console.log(`authorisation matrix: ${ROWS.length} routes × 7 roles = ${ROWS.length * 7} endpoint × role cells; ${cases} requests checked (HEAD and both unlinked and revoked family included)`);
  await server?.close();
  await wechat?.close();
});

describe('the written policy and the app agree on the routes', () => {
  it('has a row for every registered route, and only internals are left out', () => {
    const documented = new Set(ROWS.map((r) => r.key));
    const missing = documentableRoutes(registered).filter((r) => !documented.has(r.key)).map((r) => r.key);
    expect(missing).toEqual([]);
    const unexplained = registered.filter((r) => r.method === 'HEAD' && !INTERNAL_ROUTES.includes(r.key) && !documented.has(`GET ${r.url}`));
    expect(unexplained.map((r) => r.key)).toEqual([]);
  });

  it('names only routes that exist, each once, each with a fixture', () => {
    const keys = new Set(registered.map((r) => r.key));
    expect(ROWS.filter((r) => !keys.has(r.key)).map((r) => r.key)).toEqual([]);
    expect(ROWS.map((r) => r.key).filter((k, i, all) => all.indexOf(k) !== i)).toEqual([]);
    expect(ROWS.filter((r) => !ROUTE_FIXTURES[r.key]).map((r) => r.key)).toEqual([]);
    expect(Object.keys(ROUTE_FIXTURES).filter((k) => !ROWS.some((r) => r.key === k))).toEqual([]);
  });
});

function errorProblems(res: HttpResponse): string[] {
  let body: { code?: string; message?: string };
  try {
    body = res.json();
  } catch {
    return [`error answer is not JSON: ${res.text.slice(0, 120)}`];
  }
  const entry = ERROR_CATALOG[body.code as ErrorCode];
  if (!entry) return [`unknown error code ${body.code}`];
  const problems: string[] = [];
  if (entry.status !== res.status) problems.push(`${body.code} answered with ${res.status}, catalog says ${entry.status}`);
  if (!CJK.test(body.message ?? '')) problems.push(`${body.code} message is not Chinese: ${body.message}`);
  return problems;
}

/** What this caller may never read in any answer about E's visit. */
function forbiddenSecrets(caller: Caller, w: World, visitIsTheirs: boolean): Record<string, string> {
  const all = { 'full name': w.elder.name, address: w.elder.addressText, phone: w.elder.phone };
  if (caller === 'elder' || caller === 'family' || caller === 'dispatcher') return {};
  if (caller === 'staffAssigned') return visitIsTheirs ? { 'full name': all['full name'] } : all;
  return all;
}

async function runCase(row: PolicyRow, method: string, caller: Caller, w: World, fixture: RouteFixture): Promise<string[]> {
  const req = fixture.request(w);
  const heldBefore = await w.heldByStaffA();
  const http = req.app === 'wechat' ? w.wechatHttp : w.http;
  const path = withQuery(fillPath(row.url, req.params), req.query);
  const res = await http(method, path, { token: await w.token(caller), body: req.body, rawBody: req.rawBody, headers: req.headers });
  cases += 1;
  if (method !== 'HEAD') observed.set(`${row.key} ${caller}`, res.status);
  const expected: Expectation = row.expect[COLUMN_OF[caller]];
  const label = `${method} ${row.url} as ${caller}`;
  if (res.status !== expected.status) return [`${label}: expected ${expected.status}, got ${res.status} ${res.text.slice(0, 160)}`];
  if (method === 'HEAD') return [];
  const problems = res.status >= 400 ? errorProblems(res) : [];
  if (expected.listed !== undefined && fixture.lists?.(res.json(), w) !== expected.listed) {
    problems.push(`expected the list ${expected.listed ? 'to include' : 'not to include'} the world's object`);
  }
  if (!REVEALS_BY_DESIGN.has(row.key)) {
    const theirs = heldBefore || (await w.heldByStaffA());
    for (const [what, secret] of Object.entries(forbiddenSecrets(caller, w, theirs))) {
      if (res.text.includes(secret)) problems.push(`the answer shows the customer's ${what}`);
    }
  }
  return problems.map((p) => `${label}: ${p}`);
}

async function preparedWorld(fixture: RouteFixture): Promise<World> {
  const w = await createWorld(servers);
  if (fixture.state && fixture.state !== w.booking.status) await reachState(w, fixture.state);
  await fixture.setup?.(w);
  return w;
}

/**
 * Callers the row refuses share one world (a refusal that changed it fails its own cell anyway);
 * each caller the row lets through gets a fresh world, so an allowed cancel spoils no later case.
 */
describe.each(ROWS)('$key', (row) => {
  const changesState = row.method !== 'GET';
  it(`answers every caller as docs/authorization.md says${changesState ? ', each allowed one in a fresh world' : ''}`, async () => {
    const fixture = ROUTE_FIXTURES[row.key];
    expect(fixture).toBeDefined();
    const problems: string[] = [];
    const allowed = (c: Caller) => row.expect[COLUMN_OF[c]].status < 400;
    const ordered = [...CALLERS.filter((c) => !allowed(c)), ...CALLERS.filter(allowed)];
    const shared = await preparedWorld(fixture);
    for (const caller of ordered) {
      const w = changesState && allowed(caller) ? await preparedWorld(fixture) : shared;
      problems.push(...(await runCase(row, row.method, caller, w, fixture)));
      if (row.method === 'GET') problems.push(...(await runCase(row, 'HEAD', caller, w, fixture)));
    }
    if (process.env.AUTHZ_PRINT) {
      const cells = CALLERS.filter((c) => c !== 'familyRevoked').map((c) => observed.get(`${row.key} ${c}`));

      console.log(`| \`${row.key}\` | ${cells.join(' | ')} |  revoked: ${observed.get(`${row.key} familyRevoked`)}`);
    }
    expect(problems).toEqual([]);
  });
});
