/**
 * Fixtures of the dispatch console, staff accounts (invitations) and the staff member's own
 * availability for the authorisation matrix (see authz-fixtures.ts for the shape).
 */
import type { RouteFixture } from './authz-fixtures';
import { WORLD_SLOT, type World } from './authz-world';
import { unique } from './fixtures';

const bookingId = (w: World) => ({ id: w.booking.id });
const hoursFrom = (iso: string, hours: number) => new Date(new Date(iso).getTime() + hours * 3_600_000).toISOString();
const staffA = (w: World) => ({ staffId: w.staffA.id });
const newStaffNo = () => unique('S').toUpperCase();

/** What a dispatcher fills in for a new person. */
const newStaffBody = () => ({
  name: '周新华',
  staffNo: newStaffNo(),
  gender: 'male',
  phone: '13800138000',
  skills: ['claim'],
  certificates: [],
  dialects: ['普通话'],
  area: { district: '徐汇区', radiusKm: 6 },
  dailyCap: 4,
});

/** A dispatcher made a staff account; its invitation token is the capability to join. */
async function staffInvitation(w: World): Promise<void> {
  const res = await w.http('POST', '/api/dispatch/staff', { token: await w.token('dispatcher'), body: newStaffBody() });
  if (res.status !== 201) throw new Error(`fixture staff invitation failed: ${res.status} ${res.text}`);
  w.extra.staffInviteToken = res.json<{ invitation: { token: string } }>().invitation.token;
}

/** Leave of staff A in a fortnight, recorded by `by`: away from the world's visit, so nothing is rematched. */
async function leaveOfStaffA(w: World, by: string): Promise<string> {
  const r = await w.db.query<{ id: string }>(
    `insert into staff_leave (staff_id, starts_at, ends_at, reason, created_by) values ($1, $2::timestamptz, $3::timestamptz, '休年假', $4) returning id`,
    [w.staffA.id, hoursFrom(WORLD_SLOT, 14 * 24), hoursFrom(WORLD_SLOT, 15 * 24), by],
  );
  return r.rows[0].id;
}

async function leaveRecordedAtDesk(w: World): Promise<void> {
  w.extra.leaveId = await leaveOfStaffA(w, w.dispatcherId);
}

async function ownLeaveOfStaffA(w: World): Promise<void> {
  w.extra.ownLeaveId = await leaveOfStaffA(w, w.staffA.id);
}

export const DISPATCH_FIXTURES: Record<string, RouteFixture> = {
  // The dispatch console
  'GET /api/dispatch/staff': { request: () => ({ query: { date: '2030-01-08' } }) },
  'POST /api/dispatch/staff': { request: () => ({ body: newStaffBody() }) },
  'POST /api/dispatch/staff/:staffId/invitation': { request: (w) => ({ params: staffA(w), body: {} }) },
  'PUT /api/dispatch/staff/:staffId/profile': {
    request: (w) => ({
      params: staffA(w),
      body: {
        skills: ['claim', 'disability_assessment'],
        certificates: [{ name: '伤残鉴定', number: 'SC-2029-0042', validUntil: '2032-12-31' }],
        dialects: ['普通话', '上海话'],
        area: { district: '静安区', radiusKm: 8 },
        dailyCap: 5,
        active: true,
      },
    }),
  },
  'DELETE /api/dispatch/staff/:staffId/leave/:leaveId': { setup: leaveRecordedAtDesk, request: (w) => ({ params: { ...staffA(w), leaveId: w.extra.leaveId } }) },
  'POST /api/dispatch/bookings/:id/door-code-unlock': {
    state: 'en_route',
    request: (w) => ({ params: bookingId(w), body: { version: w.booking.version, reason: '电话核实是本人在门口' } }),
  },
  'GET /api/dispatch/service-levels': { request: () => ({ query: { date: '2030-01-07' } }) },

  // Joining through a dispatcher's invitation (anyone holding the link)
  'POST /api/auth/staff-invitations/preview': { setup: staffInvitation, request: (w) => ({ body: { token: w.extra.staffInviteToken } }) },
  'POST /api/auth/staff-invitations/accept': { setup: staffInvitation, request: (w) => ({ body: { token: w.extra.staffInviteToken } }) },

  // The staff member's own availability
  'GET /api/staff/me/availability': { request: () => ({}) },
  'PUT /api/staff/me/working-hours': { request: () => ({ body: { workingHours: { '1': [['09:00', '12:00'], ['13:00', '18:00']], '3': [['08:30', '17:30']] } } }) },
  'PUT /api/staff/me/area': { request: () => ({ body: { district: '徐汇区', radiusKm: 5 } }) },
  'POST /api/staff/me/leave': { request: () => ({ body: { from: hoursFrom(WORLD_SLOT, -2), to: hoursFrom(WORLD_SLOT, 3), reason: '家里有事' } }) },
  'DELETE /api/staff/me/leave/:leaveId': { setup: ownLeaveOfStaffA, request: (w) => ({ params: { leaveId: w.extra.ownLeaveId } }) },
};
