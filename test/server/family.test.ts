/** Family consent end to end: invitations, the elder's one-tap consent, revocation, who may see what. */
import { ERROR_CATALOG, INVITATIONS_PER_DAY, type ErrorCode } from '@domain';
import { followersOf } from '../../server/modules/family/repository';
import { book, china, createCustomer, createStaff, linkFamily, signIn, uniqueArea } from '../helpers/fixtures';
import type { HttpResponse } from '../helpers/http-client';
import { DEFAULT_TEST_NOW, startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
afterEach(() => server.clock.set(DEFAULT_TEST_NOW));

const TUESDAY_0900 = china('2030-01-08', '09:00');

/** An elder with a home and a staff member who serves it, plus a family member with no link yet. */
async function family() {
  const area = uniqueArea();
  const elder = await createCustomer(server.db, { name: '王桂兰', at: area });
  await createStaff(server.db, { at: area, name: '李建华' });
  const son = await createCustomer(server.db, { name: '陈磊', at: null });
  return {
    elder: { ...elder, token: await signIn(server.http, elder.id), addressId: elder.addressId as string },
    son: { ...son, token: await signIn(server.http, son.id) },
  };
}

const post = (path: string, token: string, body: unknown = {}) => server.http('POST', path, { token, body });
const invite = async (token: string, relation = 'son') => {
  const res = await post('/api/family/invitations', token, { relation });
  expect(res.status).toBe(201);
  return res.json<{ token: string; expiresAt: string; sharePath: string; relation: string }>();
};
const consent = (elderToken: string, inviteToken: string) => post('/api/family/invitations/consent', elderToken, { token: inviteToken });
const preview = (token: string, inviteToken: string) => post('/api/family/invitations/preview', token, { token: inviteToken });
const overview = async (token: string) => (await server.http('GET', '/api/family', { token })).json();

function refused(res: HttpResponse, code: ErrorCode): void {
  expect({ status: res.status, body: res.json() }).toEqual({ status: ERROR_CATALOG[code].status, body: { code, message: ERROR_CATALOG[code].message } });
}

async function linkCount(familyId: string, elderId: string): Promise<number> {
  const r = await server.db.query<{ n: number }>('select count(*)::int as n from family_links where family_user_id = $1 and elder_user_id = $2', [familyId, elderId]);
  return r.rows[0].n;
}

describe('inviting a parent and the parent consenting', () => {
  it('links the pair with one tap: the family member then books for the parent and sees the timeline', async () => {
    const { elder, son } = await family();
    const inv = await invite(son.token);
    expect(inv.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(inv.sharePath).toBe(`/family/pages/consent/index?token=${inv.token}`);
    expect(inv.expiresAt).toBe('2030-01-14T00:00:00.000Z');
    // Before consent the son cannot book for her.
    refused(await book(server.http, son.token, { addressId: elder.addressId, elderId: elder.id, slotStart: TUESDAY_0900 }), 'NOT_LINKED_TO_ELDER');

    const seen = await preview(elder.token, inv.token);
    expect(seen.status).toBe(200);
    expect(seen.json()).toEqual({
      inviter: { name: '陈磊' },
      relation: 'son',
      expiresAt: inv.expiresAt,
      permissions: ['为您预约上门服务', '查看您的预约和每一步进度', '收到和您一样的服务通知'],
    });
    const yes = await consent(elder.token, inv.token);
    expect(yes.status).toBe(200);
    expect(yes.json()).toMatchObject({ member: { id: son.id, name: '陈磊' }, relation: 'son', consentedAt: DEFAULT_TEST_NOW });
    const stored = await server.db.query('select consented_at, revoked_at from family_links where family_user_id = $1 and elder_user_id = $2', [son.id, elder.id]);
    expect(stored.rows).toEqual([{ consented_at: new Date(DEFAULT_TEST_NOW), revoked_at: null }]);

    const me = await server.http('GET', '/api/me', { token: son.token });
    expect(me.json().bookFor).toEqual([{ id: elder.id, name: '王桂兰' }]);
    const booked = await book(server.http, son.token, { addressId: elder.addressId, elderId: elder.id, slotStart: TUESDAY_0900 });
    expect(booked.status).toBe(201);
    const visit = await server.http('GET', `/api/bookings/${booked.json().id}`, { token: son.token });
    expect(visit.status).toBe(200);
    expect(visit.json().timeline[0].text).toBe('您提交了预约');
    // The parent sees the same visit, and who booked it for her.
    const parentView = await server.http('GET', `/api/bookings/${booked.json().id}`, { token: elder.token });
    expect(parentView.status).toBe(200);
    expect(parentView.json().timeline[0].text).toBe('您的家人 陈磊为您提交了预约');

    const sonView = await overview(son.token);
    expect(sonView.following).toEqual([
      {
        linkId: yes.json().linkId,
        elder: { id: elder.id, name: '王桂兰' },
        relation: 'son',
        consentedAt: DEFAULT_TEST_NOW,
        nextVisit: expect.objectContaining({ id: booked.json().id, status: 'offered', statusLabel: '等待服务人员确认', slotStart: TUESDAY_0900 }),
      },
    ]);
    expect(sonView.bookFor).toEqual([{ id: elder.id, name: '王桂兰' }]);
    expect(sonView.invitations).toEqual([]);
    const elderView = await overview(elder.token);
    expect(elderView.followers).toEqual([{ linkId: yes.json().linkId, member: { id: son.id, name: '陈磊' }, relation: 'son', consentedAt: DEFAULT_TEST_NOW }]);
    expect(await followersOf(server.db, elder.id)).toEqual([{ id: son.id, name: '陈磊', relation: 'son' }]);
  });

  it('treats a repeated consent as the same one, and refuses the link to anyone else', async () => {
    const { elder, son } = await family();
    const inv = await invite(son.token);
    const first = await consent(elder.token, inv.token);
    const again = await consent(elder.token, inv.token);
    expect(again.status).toBe(200);
    expect(again.json()).toEqual(first.json());
    const other = await createCustomer(server.db, { name: '赵老太' });
    refused(await consent(await signIn(server.http, other.id), inv.token), 'INVITE_USED');
    refused(await preview(await signIn(server.http, other.id), inv.token), 'INVITE_USED');
    expect(await linkCount(son.id, elder.id)).toBe(1);
    expect(await linkCount(son.id, other.id)).toBe(0);
  });

  it('refuses an expired invitation and changes nothing', async () => {
    const { elder, son } = await family();
    const inv = await invite(son.token);
    server.clock.set('2030-01-13T23:59:00.000Z');
    expect((await preview(elder.token, inv.token)).status).toBe(200);
    server.clock.set('2030-01-14T00:00:00.000Z');
    refused(await preview(elder.token, inv.token), 'INVITE_EXPIRED');
    refused(await consent(elder.token, inv.token), 'INVITE_EXPIRED');
    expect(await linkCount(son.id, elder.id)).toBe(0);
    expect((await overview(son.token)).invitations).toEqual([]);
  });

  it('refuses a token nobody issued, and a malformed one', async () => {
    const { elder } = await family();
    refused(await consent(elder.token, 'A'.repeat(43)), 'INVITE_NOT_FOUND');
    refused(await preview(elder.token, 'A'.repeat(43)), 'INVITE_NOT_FOUND');
    expect((await consent(elder.token, 'short')).json().code).toBe('VALIDATION_FAILED');
    expect((await post('/api/family/invitations', elder.token, { relation: 'cousin' })).json().code).toBe('VALIDATION_FAILED');
  });

  it('does not let a family member consent to their own invitation', async () => {
    const { son } = await family();
    const inv = await invite(son.token);
    refused(await preview(son.token, inv.token), 'INVITE_SELF');
    refused(await consent(son.token, inv.token), 'INVITE_SELF');
    expect((await server.db.query('select 1 from family_links where family_user_id = $1', [son.id])).rows).toEqual([]);
  });

  it('does not let a staff member or a dispatcher be linked as an elder, nor invite anyone', async () => {
    const { son } = await family();
    const inv = await invite(son.token);
    const staff = await createStaff(server.db, { at: uniqueArea() });
    const staffToken = await signIn(server.http, staff.id);
    const dispatcher = await server.db.query<{ id: string }>(`insert into users (role, name) values ('dispatcher', '周敏') returning id`);
    const dispatcherToken = await signIn(server.http, dispatcher.rows[0].id);
    for (const token of [staffToken, dispatcherToken]) {
      refused(await preview(token, inv.token), 'INVITE_NOT_FOR_STAFF');
      refused(await consent(token, inv.token), 'INVITE_NOT_FOR_STAFF');
      refused(await post('/api/family/invitations', token, { relation: 'son' }), 'FORBIDDEN');
    }
    expect((await server.db.query('select 1 from family_links where family_user_id = $1', [son.id])).rows).toEqual([]);
    // The invitation is still there for the real parent.
    const { elder } = await family();
    expect((await consent(elder.token, inv.token)).status).toBe(200);
  });

  it('records a decline: the invitation shows as declined and cannot be used afterwards', async () => {
    const { elder, son } = await family();
    const inv = await invite(son.token, 'daughter_in_law');
    const no = await post('/api/family/invitations/decline', elder.token, { token: inv.token });
    expect(no.status).toBe(204);
    refused(await consent(elder.token, inv.token), 'INVITE_USED');
    expect(await linkCount(son.id, elder.id)).toBe(0);
    expect((await overview(son.token)).invitations).toEqual([
      expect.objectContaining({ relation: 'daughter_in_law', state: 'declined', expiresAt: '2030-01-14T00:00:00.000Z' }),
    ]);
  });

  it('limits how many invitations one person sends in a day', async () => {
    const { son } = await family();
    for (let i = 0; i < INVITATIONS_PER_DAY; i++) await invite(son.token);
    refused(await post('/api/family/invitations', son.token, { relation: 'son' }), 'INVITE_LIMIT_REACHED');
    server.clock.set('2030-01-08T00:01:00.000Z');
    await invite(son.token);
  });
});

describe('consent is per pair', () => {
  it('gives one family member access to the consenting elder only', async () => {
    const a = await family();
    const b = await family();
    await consent(a.elder.token, (await invite(a.son.token)).token);
    // a.son follows a.elder only: not b.elder, whose son is not linked either.
    refused(await book(server.http, a.son.token, { addressId: b.elder.addressId, elderId: b.elder.id, slotStart: TUESDAY_0900 }), 'NOT_LINKED_TO_ELDER');
    refused(await book(server.http, b.son.token, { addressId: a.elder.addressId, elderId: a.elder.id, slotStart: TUESDAY_0900 }), 'NOT_LINKED_TO_ELDER');
    const aVisit = (await book(server.http, a.elder.token, { addressId: a.elder.addressId, slotStart: TUESDAY_0900 })).json();
    refused(await server.http('GET', `/api/bookings/${aVisit.id}`, { token: b.son.token }), 'NOT_FOUND');
    // Consent does not run the other way: the elder gains nothing over her son.
    expect((await overview(a.elder.token)).following).toEqual([]);
    expect((await server.http('GET', `/api/addresses?elderId=${a.son.id}`, { token: a.elder.token })).json().code).toBe('NOT_LINKED_TO_ELDER');
  });

  it('lets one family member follow several parents, each with their next visit', async () => {
    const a = await family();
    const b = await family();
    await consent(a.elder.token, (await invite(a.son.token, 'son')).token);
    server.clock.advanceMinutes(5);
    await consent(b.elder.token, (await invite(a.son.token, 'son_in_law')).token);
    const visit = (await book(server.http, a.son.token, { addressId: b.elder.addressId, elderId: b.elder.id, slotStart: TUESDAY_0900 })).json();
    const view = await overview(a.son.token);
    expect(view.following.map((f: { elder: { id: string }; relation: string; nextVisit: { id: string } | null }) => [f.elder.id, f.relation, f.nextVisit?.id ?? null])).toEqual([
      [a.elder.id, 'son', null],
      [b.elder.id, 'son_in_law', visit.id],
    ]);
    expect(view.bookFor.map((e: { id: string }) => e.id).sort()).toEqual([a.elder.id, b.elder.id].sort());
  });
});

describe('revoking', () => {
  it('stops bookings and viewing at once when the parent revokes', async () => {
    const { elder, son } = await family();
    const linkId = (await consent(elder.token, (await invite(son.token)).token)).json().linkId;
    const visit = (await book(server.http, son.token, { addressId: elder.addressId, elderId: elder.id, slotStart: TUESDAY_0900 })).json();

    // A stranger cannot revoke it (nor learn that it exists).
    const stranger = await createCustomer(server.db, { name: '路人' });
    refused(await post(`/api/family/links/${linkId}/revoke`, await signIn(server.http, stranger.id)), 'NOT_FOUND');

    server.clock.advanceMinutes(30);
    const res = await post(`/api/family/links/${linkId}/revoke`, elder.token);
    expect(res.status).toBe(200);
    expect(res.json().followers).toEqual([]);
    const row = await server.db.query('select revoked_at, revoked_by from family_links where id = $1', [linkId]);
    expect(row.rows).toEqual([{ revoked_at: new Date('2030-01-07T00:30:00.000Z'), revoked_by: elder.id }]);

    refused(await server.http('GET', `/api/bookings/${visit.id}`, { token: son.token }), 'NOT_FOUND');
    expect((await server.http('GET', '/api/bookings', { token: son.token })).json()).toEqual([]);
    refused(await book(server.http, son.token, { addressId: elder.addressId, elderId: elder.id, slotStart: china('2030-01-08', '14:00') }), 'NOT_LINKED_TO_ELDER');
    expect((await server.http('GET', '/api/me', { token: son.token })).json().bookFor).toEqual([]);
    expect(await followersOf(server.db, elder.id)).toEqual([]);
    // The visit itself stays the elder's.
    expect((await server.http('GET', `/api/bookings/${visit.id}`, { token: elder.token })).status).toBe(200);

    // Revoking again changes nothing; the used invitation cannot bring the link back; a new one can.
    expect((await post(`/api/family/links/${linkId}/revoke`, elder.token)).status).toBe(200);
    expect((await server.db.query('select revoked_at from family_links where id = $1', [linkId])).rows[0].revoked_at).toEqual(new Date('2030-01-07T00:30:00.000Z'));
    const fresh = await invite(son.token);
    expect((await consent(elder.token, fresh.token)).status).toBe(200);
    expect((await server.http('GET', `/api/bookings/${visit.id}`, { token: son.token })).status).toBe(200);
    expect(await linkCount(son.id, elder.id)).toBe(2);
  });

  it('lets the family member step back too, and refuses a revoked link via an old invitation', async () => {
    const { elder, son } = await family();
    const inv = await invite(son.token);
    const linkId = (await consent(elder.token, inv.token)).json().linkId;
    const res = await post(`/api/family/links/${linkId}/revoke`, son.token);
    expect(res.json()).toMatchObject({ following: [], bookFor: [] });
    refused(await consent(elder.token, inv.token), 'INVITE_USED');
    expect((await overview(elder.token)).followers).toEqual([]);
  });

  it('keeps links made outside invitations working (the seed and older data)', async () => {
    const { elder, son } = await family();
    await linkFamily(server.db, son.id, elder.id);
    const view = await overview(son.token);
    expect(view.following).toEqual([expect.objectContaining({ elder: { id: elder.id, name: '王桂兰' }, relation: '子女' })]);
    // An invitation for a pair already linked leaves one link, still consented.
    expect((await consent(elder.token, (await invite(son.token)).token)).status).toBe(200);
    expect(await linkCount(son.id, elder.id)).toBe(1);
  });
});
