import type { SessionResponse } from '@domain/schemas';
import { StaffJoinStore } from '@/stores/staff-join-store';
import { createStores } from '@/stores';
import { asApiClient, FakeApi, memoryTokens, STAFF_USER } from './fake-api';
import { FakeStaffApi } from './fake-staff-api';

const TOKEN = 'a'.repeat(43);

describe('StaffJoinStore: joining through the dispatcher’s invitation', () => {
  it('shows whose account it is, then one tap signs in (with the WeChat code when there is one)', async () => {
    const api = new FakeStaffApi();
    const sessions: SessionResponse[] = [];
    const join = new StaffJoinStore(api, async () => 'wx-code-1', (s) => sessions.push(s));
    await join.open(TOKEN);
    expect(join.preview).toMatchObject({ name: '王建华', staffNo: 'HV0001' });
    expect(await join.join()).toBe(true);
    expect(api.callsOf('acceptStaffInvite')[0][0]).toEqual({ token: TOKEN, code: 'wx-code-1' });
    expect(sessions[0].user.role).toBe('staff');
  });

  it('outside WeChat it joins without a code; a used invitation says what to do', async () => {
    const api = new FakeStaffApi();
    const join = new StaffJoinStore(api, () => Promise.reject(new Error('not in WeChat')), () => undefined);
    await join.open(TOKEN);
    expect(await join.join()).toBe(true);
    expect(api.callsOf('acceptStaffInvite')[0][0]).toEqual({ token: TOKEN });
    const again = new StaffJoinStore(api, () => Promise.reject(new Error('x')), () => undefined);
    await again.open(TOKEN);
    expect(again.state).toBe('error');
    expect(again.errorCode).toBe('STAFF_INVITE_NOT_FOUND');
    expect(again.error).toMatch(/联系调度员/);
  });

  it('wired into the root stores: joining signs the person in as staff and keeps the token', async () => {
    const staffApi = new FakeStaffApi();
    const api = Object.assign(asApiClient(new FakeApi()), {
      previewStaffInvite: staffApi.previewStaffInvite.bind(staffApi),
      acceptStaffInvite: staffApi.acceptStaffInvite.bind(staffApi),
    });
    const tokens = memoryTokens();
    const stores = createStores({ api, tokens, wechatCode: () => Promise.reject(new Error('browser')) });
    await stores.staff.join.open(TOKEN);
    await stores.staff.join.join();
    expect(stores.session.status).toBe('signedIn');
    expect(stores.session.user?.id).toBe(STAFF_USER.id);
    expect(tokens.get()).toBe('staff-aaaa');
  });
});
