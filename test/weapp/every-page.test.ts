/**
 * Every page the WeChat build declares (read from dist/weapp/app.json, so pages added later are
 * covered without touching this file) renders in the simulator without an error. Each page gets
 * real query values made through the API (`id`: a claim booked for the elder; `token`: a family
 * invitation) and is tried as the elder, her family member, the staff member the claim went to,
 * the dispatcher, and signed out, until one of them may stay on it.
 */
import { startServer, type RunningServer } from '../e2e/support/server-process';
import { readManifest } from './sim/pages';
import { DEFAULT_DIST, type MiniProgram } from './sim/mini-program';
import { bookClaimThroughApi, type BookedClaim } from './support/api-fixture';
import { recordFigure } from './support/figures';
import { checkPageRenders, type PageResult } from './support/page-check';
import { Phones, SET_DATA_LIMIT_BYTES } from './support/session';
import { apiCall } from './sim/http';
import type { DemoUser, Invitation, SessionResponse } from '@domain';
import { DEMO_IDS } from '../../server/seed/data';

const TOKEN_KEY = 'homevisit.token';
const routes = readManifest(DEFAULT_DIST).routes;

let server: RunningServer;
let claim: BookedClaim;
let query = '';
/** Pages whose query is not the shared one. */
const STAFF_JOIN = 'staff/pages/join/index';
const queries: Record<string, string> = {};
const phones = new Phones(() => server.url);
const personas: Array<{ name: string; phone: MiniProgram }> = [];

beforeAll(async () => {
  server = await startServer();
  claim = await bookClaimThroughApi(server.url);
  const users = await apiCall<DemoUser[]>(server.url, 'GET', '/api/auth/demo-users');
  const family = users.find((u) => u.name === '李伟') as DemoUser;
  const familySession = await apiCall<SessionResponse>(server.url, 'POST', '/api/auth/dev-login', { body: { userId: family.id } });
  const invitation = await apiCall<Invitation>(server.url, 'POST', '/api/family/invitations', { token: familySession.token, body: { relation: 'son_in_law' } });
  // The dispatch pages' `id` is the same booking (a dispatcher may open any booking).
  query = `id=${claim.booking.id}&token=${encodeURIComponent(invitation.token)}`;
  // Dispatchers are not on the demo list: the seeded one signs in by the seed's fixed id.
  const dispatcherSession = await apiCall<SessionResponse>(server.url, 'POST', '/api/auth/dev-login', { body: { userId: DEMO_IDS.dispatcher } });
  // The staff join page's `token` is a dispatcher's invitation for a new staff member.
  const newStaff = await apiCall<{ invitation: { token: string } }>(server.url, 'POST', '/api/dispatch/staff', {
    token: dispatcherSession.token,
    body: { name: '孙丽娟', staffNo: 'WXJOIN01', gender: 'female', phone: '13912345678', skills: ['claim'], certificates: [], dialects: [], area: { district: '静安区', radiusKm: 5 }, dailyCap: 4 },
  });
  queries[STAFF_JOIN] = `token=${encodeURIComponent(newStaff.invitation.token)}`;
  const tokens: Array<[string, string | null]> = [
    ['elder', claim.elder.token],
    ['family', familySession.token],
    ['staff', claim.staff.token],
    ['dispatcher', dispatcherSession.token],
    ['signed out', null],
  ];
  for (const [name, token] of tokens) personas.push({ name, phone: await phones.open(name, { storage: token ? { [TOKEN_KEY]: token } : {} }) });
}, 180_000);

afterAll(async () => {
  phones.closeAll();
  await server?.stop();
});

test('app.json declares the pages of the main package and every sub-package', () => {
  expect(routes).toEqual(expect.arrayContaining(['pages/index/index', 'pages/login/index', 'visit/pages/detail/index', 'staff/pages/tasks/index']));
});

test.each(routes)('%s renders in WeChat without an error', async (route) => {
  const tried: Array<PageResult & { persona: string }> = [];
  for (const { name, phone } of personas) {
    const result = await checkPageRenders(phone, route, queries[route] ?? query);
    tried.push({ ...result, persona: name });
    if (result.stayed || result.problems.length) break;
  }
  const last = tried[tried.length - 1];
  expect({ route, persona: last.persona, problems: last.problems }).toEqual({ route, persona: last.persona, problems: [] });
  expect(last.stayed).toBe(true);
  recordFigure('page-rendered', 1, { route, persona: last.persona });
});

test('no page sent more than 256 KB in one setData', () => {
  expect(phones.report('every-page', 'pages')).toBeLessThan(SET_DATA_LIMIT_BYTES);
});
