/**
 * One fixture per route: the state the world's booking must be in, and a request that, from the
 * right person, the route accepts. The matrix test sends it as every caller; the fuzz test breaks
 * it. A route without a fixture here fails the matrix test.
 */
import type { VisitStatus } from '@domain';
import { OTHER_SLOT, WORLD_SLOT, type World } from './authz-world';
import { DISPATCH_FIXTURES } from './authz-fixtures-dispatch';
import { LIVE_FIXTURES } from './authz-fixtures-live';
import { NOTIFICATION_FIXTURES } from './authz-fixtures-notifications';
import { STAFF_FIXTURES } from './authz-fixtures-staff';
import { createCustomer, signIn, unique } from './fixtures';
import { fillCompletionRecord } from './visits';

export interface CaseRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** Sent as is instead of a JSON body (an image upload: ASCII-safe text, or the bytes of a PNG). */
  rawBody?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
  /** Which app answers: the main one (dev sign-in) or the one with WeChat configured. */
  app?: 'main' | 'wechat';
}

export interface RouteFixture {
  /** The status the world's booking must have first (default: as booked, `offered`). */
  state?: VisitStatus;
  /** Anything else the route needs first (an invitation, a complaint), kept in `w.extra`. */
  setup?(w: World): Promise<void>;
  request(w: World): CaseRequest;
  /** For list routes ("200 with" / "200 without"): whether the answer lists the world's object. */
  lists?(body: unknown, w: World): boolean;
}

const hasId = (id: string) => (body: unknown) => Array.isArray(body) && body.some((item: { id?: string }) => item?.id === id);
/** The staff board lists a visit in one of its three lists (offers, today, upcoming). */
const onBoard = (id: string) => (body: unknown) => {
  const board = body as { offers?: unknown; today?: unknown; upcoming?: unknown } | null;
  return [board?.offers, board?.today, board?.upcoming].some((list) => hasId(id)(list));
};
const bookingId = (w: World) => ({ id: w.booking.id });
const version = (w: World) => ({ version: w.booking.version });
const idempotent = () => ({ 'idempotency-key': unique('authz-') + unique() });
const hoursFrom = (iso: string, hours: number) => new Date(new Date(iso).getTime() + hours * 3_600_000).toISOString();

/** A new relative G of E's invites someone: the link's token is the capability to consent. */
async function invitation(w: World): Promise<void> {
  const inviter = await createCustomer(w.db, { at: null });
  const res = await w.http('POST', '/api/family/invitations', { token: await signIn(w.http, inviter.id), body: { relation: 'son' } });
  if (res.status !== 201) throw new Error(`fixture invitation failed: ${res.status} ${res.text}`);
  w.extra.inviteToken = res.json<{ token: string }>().token;
}

async function complaint(w: World): Promise<void> {
  const res = await w.http('POST', `/api/bookings/${w.booking.id}/complaints`, {
    token: await w.token('elder'),
    headers: idempotent(),
    body: { category: 'attitude', urgent: false, text: '说话有点急' },
  });
  if (res.status !== 201) throw new Error(`fixture complaint failed: ${res.status} ${res.text}`);
  w.extra.complaintId = res.json<{ id: string }>().id;
}

/** A tiny WEBP (RIFF…WEBP…): every byte is ASCII, so it survives being sent as a string. */
const WEBP = 'RIFF\u001a\u0000\u0000\u0000WEBPVP8 \u000e\u0000\u0000\u0000authz-fixture!';
const upload = (w: World): CaseRequest => ({ params: bookingId(w), rawBody: WEBP, headers: { 'content-type': 'image/webp' } });

async function uploadedFile(w: World): Promise<void> {
  const req = upload(w);
  const res = await w.http('POST', `/api/bookings/${w.booking.id}/files`, { token: await w.token('elder'), rawBody: req.rawBody, headers: req.headers });
  if (res.status !== 201) throw new Error(`fixture upload failed: ${res.status} ${res.text}`);
  w.extra.fileId = res.json<{ id: string }>().id;
}

async function doorCode(w: World): Promise<void> {
  const r = await w.db.query<{ door_code: string }>('select door_code from bookings where id = $1', [w.booking.id]);
  w.extra.doorCode = r.rows[0].door_code;
}

/** What 完成 needs: the documents photographed and the customer's signature. */
async function recordFilled(w: World): Promise<void> {
  await fillCompletionRecord(w.http, (await w.token('staffAssigned')) as string, w.booking.id);
}

async function familyLinkId(w: World): Promise<void> {
  const r = await w.db.query<{ id: string }>('select id from family_links where family_user_id = $1 and elder_user_id = $2', [w.family.id, w.elder.id]);
  w.extra.linkId = r.rows[0].id;
}

const CORE_FIXTURES: Record<string, RouteFixture> = {
  'GET /health': { request: () => ({}) },
  'GET /media/staff-photos/:file': { request: (w) => ({ params: { file: `${w.staffA.staffNo}.svg` } }) },

  // Sign-in and the session
  'GET /api/auth/demo-users': { request: () => ({}) },
  'POST /api/auth/dev-login': { request: (w) => ({ body: { userId: w.elder.id } }) },
  'POST /api/auth/wechat-login': { request: (w) => ({ app: 'wechat', body: { code: w.wechat.issueCode(unique('openid-')) } }) },
  'POST /api/auth/logout': { request: () => ({}) },
  'GET /api/me': { request: () => ({}) },

  // Customers
  'GET /api/addresses': { request: (w) => ({ query: { elderId: w.elder.id } }), lists: (body, w) => hasId(w.elder.addressId)(body) },
  'GET /api/slots': { request: (w) => ({ query: { serviceType: 'claim', claimType: 'inpatient', addressId: w.elder.addressId } }) },
  'POST /api/bookings': {
    request: (w) => ({
      headers: { 'idempotency-key': unique('authz-') + unique() },
      body: { serviceType: 'claim', claimType: 'outpatient', elderId: w.elder.id, addressId: w.elder.addressId, slotStart: OTHER_SLOT },
    }),
  },
  'GET /api/bookings': { request: () => ({}), lists: (body, w) => hasId(w.booking.id)(body) },
  'GET /api/bookings/:id': { request: (w) => ({ params: bookingId(w) }) },
  'POST /api/addresses': {
    request: (w) => ({ body: { elderId: w.elder.id, label: '子女家', text: `测试路 ${unique()} 号`, district: '徐汇区' } }),
  },
  'POST /api/bookings/:id/cancel': { request: (w) => ({ params: bookingId(w), body: { ...version(w), reason: '家里临时有事' } }) },
  'GET /api/bookings/:id/reschedule-slots': { request: (w) => ({ params: bookingId(w) }) },
  'POST /api/bookings/:id/reschedule': { request: (w) => ({ params: bookingId(w), body: { ...version(w), slotStart: OTHER_SLOT } }) },
  'GET /api/me/preferences': { request: (w) => ({ query: { elderId: w.elder.id } }) },
  'PUT /api/me/preferences': { request: (w) => ({ query: { elderId: w.elder.id }, body: { dialect: '上海话', preferredStaffGender: 'female' } }) },

  // Photos of claim documents
  'POST /api/bookings/:id/files': { request: upload },
  'GET /api/bookings/:id/files': { setup: uploadedFile, request: (w) => ({ params: bookingId(w) }), lists: (body, w) => hasId(w.extra.fileId)(body) },
  'GET /api/files/:id': { setup: uploadedFile, request: (w) => ({ params: { id: w.extra.fileId } }) },

  // After the visit
  'GET /api/bookings/:id/feedback': { state: 'completed', request: (w) => ({ params: bookingId(w) }) },
  'POST /api/bookings/:id/rating': { state: 'completed', request: (w) => ({ params: bookingId(w), body: { stars: 5, nps: 10, tags: ['on_time'] } }) },
  'POST /api/bookings/:id/complaints': {
    state: 'completed',
    request: (w) => ({ params: bookingId(w), headers: idempotent(), body: { category: 'not_done', urgent: true, text: '材料没有收齐' } }),
  },
  'GET /api/complaints': { state: 'completed', setup: complaint, request: () => ({}), lists: (body, w) => hasId(w.extra.complaintId)(body) },
  'POST /api/complaints/:id/progress': { state: 'completed', setup: complaint, request: (w) => ({ params: { id: w.extra.complaintId }, body: { status: 'in_progress' } }) },

  // Family consent
  'GET /api/family': { request: () => ({}) },
  'POST /api/family/invitations': { request: () => ({ body: { relation: 'daughter' } }) },
  'POST /api/family/invitations/preview': { setup: invitation, request: (w) => ({ body: { token: w.extra.inviteToken } }) },
  'POST /api/family/invitations/consent': { setup: invitation, request: (w) => ({ body: { token: w.extra.inviteToken } }) },
  'POST /api/family/invitations/decline': { setup: invitation, request: (w) => ({ body: { token: w.extra.inviteToken } }) },
  'POST /api/family/links/:id/revoke': { setup: familyLinkId, request: (w) => ({ params: { id: w.extra.linkId } }) },

  // Staff
  'GET /api/staff/tasks': { request: () => ({}), lists: (body, w) => onBoard(w.booking.id)(body) },
  'POST /api/staff/tasks/:id/confirm': { request: (w) => ({ params: bookingId(w), body: version(w) }) },
  'POST /api/staff/tasks/:id/decline': { request: (w) => ({ params: bookingId(w), body: { ...version(w), reason: '车坏了' } }) },
  'POST /api/staff/tasks/:id/depart': { state: 'confirmed', request: (w) => ({ params: bookingId(w), body: version(w) }) },
  'POST /api/staff/tasks/:id/arrive': { state: 'en_route', setup: doorCode, request: (w) => ({ params: bookingId(w), body: { ...version(w), doorCode: w.extra.doorCode } }) },
  'POST /api/staff/tasks/:id/start': { state: 'arrived', request: (w) => ({ params: bookingId(w), body: version(w) }) },
  'POST /api/staff/tasks/:id/complete': { state: 'in_service', setup: recordFilled, request: (w) => ({ params: bookingId(w), body: version(w) }) },
  'POST /api/staff/tasks/:id/no-show': { state: 'arrived', request: (w) => ({ params: bookingId(w), body: { ...version(w), reason: '敲门没有人应' } }) },

  // Dispatch
  'GET /api/dispatch/queue': { request: () => ({}) },
  'GET /api/dispatch/bookings/:id': { request: (w) => ({ params: bookingId(w) }) },
  'GET /api/dispatch/bookings/:id/candidates': { request: (w) => ({ params: bookingId(w) }) },
  'POST /api/dispatch/bookings/:id/reassign': {
    request: (w) => ({ params: bookingId(w), body: { ...version(w), staffId: w.staffB.id, reason: '客户希望换人' } }),
  },
  'POST /api/dispatch/bookings/:id/cancel': { request: (w) => ({ params: bookingId(w), body: { ...version(w), reason: '客户电话取消' } }) },
  'POST /api/dispatch/rematch-unmatched': { request: () => ({}) },
  'POST /api/dispatch/bookings/:id/staff-no-show': { state: 'confirmed', request: (w) => ({ params: bookingId(w), body: { ...version(w), reason: '人员没有按时到' } }) },
  'POST /api/dispatch/staff/:staffId/leave': {
    request: (w) => ({ params: { staffId: w.staffA.id }, body: { from: hoursFrom(WORLD_SLOT, -2), to: hoursFrom(WORLD_SLOT, 3), reason: '生病' } }),
  },
};

/** Every route's fixture: the customer-facing core here, the staff workbench and the dispatch console beside it. */
export const ROUTE_FIXTURES: Record<string, RouteFixture> = { ...CORE_FIXTURES, ...STAFF_FIXTURES, ...DISPATCH_FIXTURES, ...LIVE_FIXTURES, ...NOTIFICATION_FIXTURES };

/** The concrete path of a route for these params: /api/bookings/:id → /api/bookings/<id>. */
export function fillPath(url: string, params: Record<string, string> = {}): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => {
    if (!(name in params)) throw new Error(`fixture for ${url} gives no :${name}`);
    return encodeURIComponent(params[name]);
  });
}

export function withQuery(path: string, query: Record<string, string> = {}): string {
  const qs = new URLSearchParams(query).toString();
  return qs ? `${path}?${qs}` : path;
}
