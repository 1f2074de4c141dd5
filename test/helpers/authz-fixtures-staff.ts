/**
 * Fixtures of the staff workbench routes for the authorisation matrix (see authz-fixtures.ts for
 * the shape): one task, the location while travelling, the record of the day, photos, signature.
 */
import type { CaseRequest, RouteFixture } from './authz-fixtures';
import { WORLD_SLOT, type World } from './authz-world';
import { unique } from './fixtures';
import { PNG } from './visits';

const bookingId = (w: World) => ({ id: w.booking.id });
const idempotent = () => ({ 'idempotency-key': unique('authz-') + unique() });

/** A tiny WEBP (RIFF…WEBP…): every byte is ASCII, so it survives being sent as a string. */
const WEBP = 'RIFF\u001a\u0000\u0000\u0000WEBPVP8 \u000e\u0000\u0000\u0000authz-fixture!';

/** The world's claim made an escort (with pick-up), so it has milestones. */
async function escortVisit(w: World): Promise<void> {
  await w.db.query(`update bookings set service_type = 'escort', claim_type = null where id = $1`, [w.booking.id]);
  await w.db.query(
    `insert into booking_escort_details (booking_id, hospital_id, hospital_name, department, appointment_at, pick_up, mobility)
     values ($1, 'ruijin', '瑞金医院', 'general', $2::timestamptz, true, '{}')`,
    [w.booking.id, WORLD_SLOT],
  );
}

/** The world's claim made an accident-disability claim, whose record has assessment notes. */
async function disabilityClaim(w: World): Promise<void> {
  await w.db.query(`update bookings set claim_type = 'accident_disability' where id = $1`, [w.booking.id]);
}

const photo = (w: World): CaseRequest => ({
  params: bookingId(w),
  query: { item: 'doc-0' },
  rawBody: WEBP,
  headers: { 'content-type': 'image/webp', ...idempotent() },
});

const signature = (w: World): CaseRequest => ({
  params: bookingId(w),
  rawBody: new Uint8Array(PNG),
  headers: { 'content-type': 'image/png', ...idempotent() },
});

export const STAFF_FIXTURES: Record<string, RouteFixture> = {
  'GET /api/staff/tasks/:id': { request: (w) => ({ params: bookingId(w) }) },
  'POST /api/staff/tasks/:id/location': { state: 'en_route', request: (w) => ({ params: bookingId(w), body: { lat: 31.2, lng: 121.45 } }) },
  'PUT /api/staff/tasks/:id/record/documents/:key': {
    state: 'arrived',
    request: (w) => ({ params: { ...bookingId(w), key: 'doc-1' }, headers: idempotent(), body: { status: 'collected', originalTaken: true } }),
  },
  'PUT /api/staff/tasks/:id/record/milestones/:key': {
    state: 'arrived',
    setup: escortVisit,
    request: (w) => ({ params: { ...bookingId(w), key: 'picked_up' }, headers: idempotent(), body: { done: true } }),
  },
  'PUT /api/staff/tasks/:id/record/assessment': {
    state: 'in_service',
    setup: disabilityClaim,
    request: (w) => ({ params: bookingId(w), headers: idempotent(), body: { notes: '左臂活动受限，已记录' } }),
  },
  'POST /api/staff/tasks/:id/files': { state: 'arrived', request: photo },
  'POST /api/staff/tasks/:id/signature': { state: 'in_service', request: signature },
};
