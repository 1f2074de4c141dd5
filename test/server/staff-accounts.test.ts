/**
 * Staff accounts made at the dispatch desk: a dispatcher creates the person with an invitation
 * bound to their staff number; the person opens it on their work phone, joins, and from then on
 * signs in and is offered work. Dead links are refused; a WeChat already in use elsewhere is not
 * taken over.
 */
import { createHash } from 'node:crypto';
import { findDistrict } from '@domain';
import { DEMO_IDS } from '../../server/seed';
import { book, china, createCustomer, signIn, unique } from '../helpers/fixtures';
import { startFakeWechat, type FakeWechat } from '../helpers/fake-wechat';
import type { HttpClient } from '../helpers/http-client';
import { startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
let wechat: FakeWechat;
let wechatHttp: HttpClient;
let dispatcher: string;

beforeAll(async () => {
  server = await startTestServer();
  wechat = await startFakeWechat();
  wechatHttp = (await server.variant(wechat.env())).http;
  const d = await server.db.query<{ id: string }>(`insert into users (role, name) values ('dispatcher', '周敏') returning id`);
  dispatcher = await signIn(server.http, d.rows[0].id);
});
afterAll(async () => {
  await server?.close();
  await wechat?.close();
});

const staffNo = () => unique('N').toUpperCase();

function newStaff(overrides: Record<string, unknown> = {}) {
  return {
    name: '郑海燕',
    staffNo: staffNo(),
    gender: 'female',
    phone: '13912345678',
    skills: ['claim'],
    certificates: [],
    dialects: ['普通话', '上海话'],
    area: { district: '奉贤区', radiusKm: 10 },
    dailyCap: 4,
    ...overrides,
  };
}

async function createStaff(body = newStaff()) {
  const res = await server.http('POST', '/api/dispatch/staff', { token: dispatcher, body });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
  return res.json();
}

const preview = (http: HttpClient, token: string) => http('POST', '/api/auth/staff-invitations/preview', { body: { token } });
const accept = (http: HttpClient, body: { token: string; code?: string }) => http('POST', '/api/auth/staff-invitations/accept', { body });

async function rosterEntry(staffId: string) {
  const roster = (await server.http('GET', '/api/dispatch/staff', { token: dispatcher })).json();
  return roster.find((e: { staff: { id: string } }) => e.staff.id === staffId);
}

describe('a dispatcher creates a staff account', () => {
  it('creates the person with an invitation; they join, sign in, see the staff board and are offered work', async () => {
    const created = await createStaff(newStaff({ area: { district: '崇明区', radiusKm: 10 } }));
    expect(created.staff).toMatchObject({
      staff: { name: '郑海燕', title: '郑老师' },
      phone: '13912345678',
      skills: ['claim'],
      area: { district: '崇明区', radiusKm: 10 },
      workingHours: { 1: [['09:00', '18:00']], 5: [['09:00', '18:00']] },
      active: false,
      joined: false,
      load: { visits: 0, completed: 0, bookedMinutes: 0 },
    });
    expect(created.invitation.sharePath).toBe(`/staff/pages/join/index?token=${created.invitation.token}`);
    expect(created.invitation.expiresAt).toBe('2030-01-14T00:00:00.000Z');
    const stored = await server.db.query<{ token_hash: string }>('select token_hash from staff_invites where staff_id = $1', [created.staff.staff.id]);
    expect(stored.rows).toEqual([{ token_hash: createHash('sha256').update(created.invitation.token).digest('hex') }]);

    const demo = (await server.http('GET', '/api/auth/demo-users')).json();
    expect(demo.some((u: { id: string }) => u.id === created.staff.staff.id)).toBe(false);

    expect((await preview(server.http, created.invitation.token)).json()).toEqual({
      name: '郑海燕', staffNo: created.staff.staff.staffNo, expiresAt: created.invitation.expiresAt,
    });
    const joined = await accept(server.http, { token: created.invitation.token });
    expect(joined.status).toBe(200);
    expect(joined.json().user).toMatchObject({ id: created.staff.staff.id, role: 'staff', staffNo: created.staff.staff.staffNo });
    const token = joined.json().token;
    expect((await server.http('GET', '/api/me', { token })).json().role).toBe('staff');
    const own = (await server.http('GET', '/api/staff/me/availability', { token })).json();
    expect(own).toMatchObject({ area: { district: '崇明区', radiusKm: 10 }, skills: ['claim'], dailyCap: 4, leave: [] });
    expect(Object.keys(own.workingHours)).toEqual(['1', '2', '3', '4', '5']);
    expect(await rosterEntry(created.staff.staff.id)).toMatchObject({ active: true, joined: true });
    const listed = (await server.http('GET', '/api/auth/demo-users')).json();
    expect(listed.some((u: { id: string }) => u.id === created.staff.staff.id)).toBe(true);

    // An elder in 崇明区 books: the new person is the one who can serve there.
    const centre = findDistrict('崇明区') as { lat: number; lng: number };
    const elder = await createCustomer(server.db, { name: '施阿婆', at: { lat: centre.lat + 0.01, lng: centre.lng }, district: '崇明区' });
    const booked = await book(server.http, await signIn(server.http, elder.id), { addressId: elder.addressId as string, slotStart: china('2030-01-08', '14:00') });
    expect(booked.status).toBe(201);
    expect(booked.json().staff.id).toBe(created.staff.staff.id);
    const board = await server.http('GET', '/api/staff/tasks', { token });
    expect(board.status).toBe(200);
    expect(board.text).toContain(booked.json().id);
  });

  it('refuses a staff number already in use, creating nobody', async () => {
    const first = await createStaff();
    const users = async () => (await server.db.query<{ n: number }>('select count(*)::int as n from users')).rows[0].n;
    const before = await users();
    const again = await server.http('POST', '/api/dispatch/staff', { token: dispatcher, body: newStaff({ staffNo: first.staff.staff.staffNo, name: '另一个人' }) });
    expect([again.status, again.json().code]).toEqual([409, 'STAFF_NO_TAKEN']);
    expect(await users()).toBe(before);
  });

  it('refuses an unknown district', async () => {
    const res = await server.http('POST', '/api/dispatch/staff', { token: dispatcher, body: newStaff({ area: { district: '火星区', radiusKm: 5 } }) });
    expect([res.status, res.json().code]).toEqual([422, 'DISTRICT_UNKNOWN']);
  });
});

describe('invitation links', () => {
  it('works once: a used link is refused', async () => {
    const { invitation } = await createStaff();
    expect((await accept(server.http, { token: invitation.token })).status).toBe(200);
    for (const res of [await accept(server.http, { token: invitation.token }), await preview(server.http, invitation.token)]) {
      expect([res.status, res.json().code]).toEqual([409, 'STAFF_INVITE_USED']);
    }
  });

  it('lapses after 7 days; a fresh one replaces the old, which stops working', async () => {
    const { staff, invitation } = await createStaff();
    try {
      server.clock.advanceMinutes(7 * 24 * 60 + 1);
      const late = await accept(server.http, { token: invitation.token });
      expect([late.status, late.json().code]).toEqual([410, 'STAFF_INVITE_EXPIRED']);
      expect((await rosterEntry(staff.staff.id)).joined).toBe(false);

      const fresh = await server.http('POST', `/api/dispatch/staff/${staff.staff.id}/invitation`, { token: dispatcher, body: {} });
      expect(fresh.status).toBe(201);
      const another = (await server.http('POST', `/api/dispatch/staff/${staff.staff.id}/invitation`, { token: dispatcher, body: {} })).json();
      const replaced = await preview(server.http, fresh.json().token);
      expect([replaced.status, replaced.json().code]).toEqual([404, 'STAFF_INVITE_NOT_FOUND']);
      expect((await accept(server.http, { token: another.token })).status).toBe(200);
    } finally {
      server.clock.set('2030-01-07T00:00:00.000Z');
    }
  });

  it('are rate-limited like sign-in, so tokens cannot be guessed at speed', async () => {
    const limited = await server.variant({ LOGIN_RATE_LIMIT_PER_MINUTE: '2' });
    const { staff, invitation } = await createStaff();
    expect((await preview(limited.http, invitation.token)).status).toBe(200);
    expect((await preview(limited.http, 'y'.repeat(43))).status).toBe(404);
    const third = await accept(limited.http, { token: invitation.token });
    expect([third.status, third.json().code]).toEqual([429, 'RATE_LIMITED']);
    expect((await rosterEntry(staff.staff.id)).joined).toBe(false);
  });

  it('does not know a made-up token', async () => {
    const res = await preview(server.http, 'x'.repeat(43));
    expect([res.status, res.json().code]).toEqual([404, 'STAFF_INVITE_NOT_FOUND']);
  });
});

describe('joining with WeChat configured', () => {
  it('needs the wx.login code, and binds that WeChat: signing in with it later is the staff account', async () => {
    const { staff, invitation } = await createStaff();
    const bare = await accept(wechatHttp, { token: invitation.token });
    expect([bare.status, bare.json().code]).toEqual([400, 'VALIDATION_FAILED']);

    const openid = unique('openid-staff-');
    const joined = await accept(wechatHttp, { token: invitation.token, code: wechat.issueCode(openid) });
    expect(joined.status).toBe(200);
    expect(joined.json().user.id).toBe(staff.staff.id);
    const later = await wechatHttp('POST', '/api/auth/wechat-login', { body: { code: wechat.issueCode(openid) } });
    expect(later.json().user).toMatchObject({ id: staff.staff.id, role: 'staff' });
  });

  it('refuses a WeChat already used by another account, and changes nothing', async () => {
    const openid = unique('openid-customer-');
    const customer = await wechatHttp('POST', '/api/auth/wechat-login', { body: { code: wechat.issueCode(openid) } });
    expect(customer.json().user.role).toBe('customer');
    const { staff, invitation } = await createStaff();
    const state = async () =>
      (await server.db.query(
        `select (select wechat_openid from users where id = $1) as staff_openid,
                (select id from users where wechat_openid = $2) as owner,
                (select used_at from staff_invites where staff_id = $1) as used_at,
                (select joined_at from staff_profiles where user_id = $1) as joined_at,
                (select count(*)::int from sessions where user_id = $1) as sessions`,
        [staff.staff.id, openid],
      )).rows[0];
    const before = await state();

    const res = await accept(wechatHttp, { token: invitation.token, code: wechat.issueCode(openid) });
    expect([res.status, res.json().code]).toEqual([409, 'WECHAT_ALREADY_BOUND']);
    expect(await state()).toEqual(before);
    expect(before).toMatchObject({ staff_openid: null, owner: customer.json().user.id, used_at: null, joined_at: null, sessions: 0 });
    // The link still works from the right phone.
    expect((await accept(wechatHttp, { token: invitation.token, code: wechat.issueCode(unique('openid-work-')) })).status).toBe(200);
  });
});

describe('what a dispatcher sets', () => {
  it('changes skills, certificates, dialects, area and cap; a new district moves the base to its centre', async () => {
    const { staff, invitation } = await createStaff();
    await accept(server.http, { token: invitation.token });
    const body = {
      skills: ['claim', 'disability_assessment'],
      certificates: [{ name: '伤残鉴定', number: 'SC-2030-007', validUntil: '2033-06-30' }],
      dialects: ['普通话'],
      area: { district: '金山区', radiusKm: 12 },
      dailyCap: 6,
      active: true,
    };
    const res = await server.http('PUT', `/api/dispatch/staff/${staff.staff.id}/profile`, { token: dispatcher, body });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ skills: body.skills, certificates: body.certificates, area: body.area, dailyCap: 6, active: true, staff: { dialects: ['普通话'] } });
    const base = (await server.db.query('select base_lat, base_lng from staff_profiles where user_id = $1', [staff.staff.id])).rows[0];
    const centre = findDistrict('金山区') as { lat: number; lng: number };
    expect(base).toEqual({ base_lat: centre.lat, base_lng: centre.lng });

    const unknown = await server.http('PUT', `/api/dispatch/staff/${staff.staff.id}/profile`, { token: dispatcher, body: { ...body, area: { district: '浦西区', radiusKm: 5 } } });
    expect([unknown.status, unknown.json().code]).toEqual([422, 'DISTRICT_UNKNOWN']);
  });

  it('does not offer work to someone who has not joined, even when asked to', async () => {
    const { staff } = await createStaff();
    const body = { skills: ['claim'], certificates: [], dialects: [], area: { district: '奉贤区', radiusKm: 5 }, dailyCap: 4, active: true };
    const res = await server.http('PUT', `/api/dispatch/staff/${staff.staff.id}/profile`, { token: dispatcher, body });
    expect(res.json()).toMatchObject({ active: false, joined: false });
  });

  it('answers 404 for someone who does not exist', async () => {
    const ghost = '00000000-0000-4000-8000-000000000000';
    const res = await server.http('POST', `/api/dispatch/staff/${ghost}/invitation`, { token: dispatcher, body: {} });
    expect([res.status, res.json().code]).toEqual([404, 'NOT_FOUND']);
  });
});

describe('the demo city', () => {
  it('has every seeded staff member joined, with a district, and the certificate for disability assessment where they hold the skill', async () => {
    const seeded = await startTestServer({ seed: true });
    try {
      const roster = (await seeded.http('GET', '/api/dispatch/staff', { token: await signIn(seeded.http, DEMO_IDS.dispatcher) })).json();
      expect(roster).toHaveLength(12);
      for (const entry of roster) {
        expect(entry).toMatchObject({ joined: true, active: true, area: { district: expect.stringMatching(/区$/) } });
        const certified = entry.certificates.some((c: { name: string }) => c.name === '伤残鉴定');
        expect(certified).toBe(entry.skills.includes('disability_assessment'));
      }
      const demo = (await seeded.http('GET', '/api/auth/demo-users')).json();
      expect(demo.filter((u: { role: string }) => u.role === 'staff')).toHaveLength(12);
    } finally {
      await seeded.close();
    }
  });
});
