import type { UserView } from '@domain/schemas';
import type { FamilyOverview } from '@domain/schemas-family';
import { FamilyStore } from '@/stores/family-store';
import { createStores } from '@/stores';
import { asApiClient, ELDER, FAMILY, FakeApi, memoryTokens, NETWORK, serverError } from './fake-api';

const PARENT = { id: '33333333-3333-4333-8333-333333333333', name: '李建国' };

function following(): FamilyOverview {
  return {
    following: [{ linkId: 'link-1', elder: PARENT, relation: 'son', consentedAt: '2025-03-01T00:00:00.000Z', nextVisit: null }],
    followers: [],
    invitations: [],
    bookFor: [PARENT],
  };
}

function setup() {
  const api = new FakeApi();
  const told: UserView['bookFor'][] = [];
  const store = new FamilyStore(api, (b) => told.push(b));
  return { api, store, told };
}

describe('FamilyStore: 我的家人', () => {
  it('loads the parents followed and passes the fresh bookFor list on', async () => {
    const { api, store, told } = setup();
    api.familyData = following();
    await store.load();
    expect(store.state).toBe('ready');
    expect(store.following.map((f) => f.elder.name)).toEqual(['李建国']);
    expect(told).toEqual([[PARENT]]);
  });

  it('keeps the old list and says why when a reload fails', async () => {
    const { api, store } = setup();
    api.familyData = following();
    await store.load();
    api.failNext('family', NETWORK());
    await store.load();
    expect(store.state).toBe('error');
    expect(store.error).toMatch(/网络/);
    expect(store.following).toHaveLength(1);
  });

  it('keeps the signed-in person\'s bookFor in step when wired into the root stores', async () => {
    const api = new FakeApi();
    api.users.set(FAMILY.id, { ...FAMILY, bookFor: [] });
    const stores = createStores({ api: asApiClient(api), tokens: memoryTokens(), wechatCode: async () => 'code' });
    await stores.session.signInAs(FAMILY.id);
    api.familyData = following();
    await stores.family.load();
    expect(stores.session.user?.bookFor).toEqual([PARENT]);
    await stores.family.revoke('link-1');
    expect(stores.session.user?.bookFor).toEqual([]);
    expect(stores.family.following).toEqual([]);
  });
});

describe('FamilyStore: inviting', () => {
  it('makes an invitation for the relation tapped, and a new one when the relation changes', async () => {
    const { api, store } = setup();
    expect(await store.createInvitation()).toBe(false);
    store.chooseRelation('daughter');
    expect(await store.createInvitation()).toBe(true);
    expect(store.invitation?.relation).toBe('daughter');
    expect(store.invitation?.sharePath).toMatch(/^\/family\/pages\/consent\/index\?token=/);
    store.chooseRelation('son');
    expect(store.invitation).toBeNull();
    expect(api.callsOf('createInvitation')).toEqual([[{ relation: 'daughter' }]]);
  });

  it('says in Chinese why an invitation could not be made', async () => {
    const { api, store } = setup();
    store.chooseRelation('son');
    api.failNext('createInvitation', serverError('INVITE_LIMIT_REACHED'));
    expect(await store.createInvitation()).toBe(false);
    expect(store.inviteError).toMatch(/邀请太多/);
    expect(store.inviting).toBe(false);
  });
});

describe('FamilyStore: the elder answering an invitation', () => {
  async function opened() {
    const s = setup();
    s.api.me_ = FAMILY;
    s.store.chooseRelation('son');
    await s.store.createInvitation();
    const token = s.store.invitation?.token as string;
    s.api.me_ = ELDER;
    await s.store.openInvitation(token);
    return { ...s, token };
  }

  it('shows who asks, then records the one-tap consent', async () => {
    const { api, store, token } = await opened();
    expect(store.preview?.inviter.name).toBe(FAMILY.name);
    expect(await store.consent()).toBe(true);
    expect(store.answer).toBe('consented');
    expect(store.consented?.member.name).toBe(FAMILY.name);
    // A second tap does not send again.
    expect(await store.consent()).toBe(false);
    expect(api.callsOf('consentInvitation')).toEqual([[token]]);
  });

  it('lets the elder try again after a lost answer, sending the same token', async () => {
    const { api, store, token } = await opened();
    api.failNext('consentInvitation', NETWORK());
    expect(await store.consent()).toBe(false);
    expect(store.answerError).toMatch(/网络/);
    expect(store.preview).not.toBeNull();
    expect(await store.consent()).toBe(true);
    expect(api.callsOf('consentInvitation')).toEqual([[token], [token]]);
  });

  it('stops offering the buttons when the invitation has expired meanwhile', async () => {
    const { api, store } = await opened();
    api.failNext('consentInvitation', serverError('INVITE_EXPIRED'));
    expect(await store.consent()).toBe(false);
    expect(store.answerError).toMatch(/过期/);
    expect(store.preview).toBeNull();
  });

  it('says what is wrong with a link that does not work', async () => {
    const { store } = setup();
    await store.openInvitation('nobody-issued-this');
    expect(store.previewState).toBe('error');
    expect(store.previewError).toMatch(/重新发一次邀请/);
  });

  it('records a decline', async () => {
    const { api, store, token } = await opened();
    expect(await store.decline()).toBe(true);
    expect(store.answer).toBe('declined');
    expect(api.callsOf('declineInvitation')).toEqual([[token]]);
  });
});

describe('FamilyStore: revoking', () => {
  it('ends a link and shows the list without it; a failure keeps it and says why', async () => {
    const { api, store } = setup();
    api.familyData = {
      ...following(),
      followers: [{ linkId: 'link-2', member: { id: FAMILY.id, name: FAMILY.name }, relation: 'son', consentedAt: '2025-03-01T00:00:00.000Z' }],
    };
    await store.load();
    expect(store.linkById('link-2')?.kind).toBe('follower');
    api.failNext('revokeFamilyLink', NETWORK());
    expect(await store.revoke('link-2')).toBe(false);
    expect(store.revokeError).toMatch(/网络/);
    expect(store.followers).toHaveLength(1);
    expect(await store.revoke('link-2')).toBe(true);
    expect(store.followers).toEqual([]);
    expect(store.linkById('link-2')).toBeNull();
    expect(store.revoking).toBeNull();
  });

  it('forgets everything on sign-out', async () => {
    const { api, store } = setup();
    api.familyData = following();
    await store.load();
    store.reset();
    expect(store.overview).toBeNull();
    expect(store.state).toBe('idle');
  });
});
