import { DispatchRosterStore } from '@/stores/dispatch-roster-store';
import { NETWORK } from './fake-api';
import { FakeDispatchApi, rosterEntry } from './fake-dispatch-api';

const NOW = new Date('2025-03-01T02:20:00.000Z'); // 10:20 on 1 March in China

function rosterWith(api = new FakeDispatchApi()) {
  return { api, roster: new DispatchRosterStore(api, () => NOW) };
}

describe('DispatchRosterStore', () => {
  it('loads today’s load, and tomorrow’s when the day is picked', async () => {
    const { api, roster } = rosterWith();
    await roster.load();
    expect(roster.roster.map((e) => e.load.visits)).toEqual([2, 2]);
    await roster.pickDay('tomorrow');
    expect(api.callsOf('roster')).toEqual([['2025-03-01'], ['2025-03-02']]);
    expect(roster.date).toBe('2025-03-02');
  });

  it('leave: the form starts at the next whole hour today, and the result says what moved', async () => {
    const { api, roster } = rosterWith();
    await roster.load();
    const id = roster.roster[0].staff.id;
    roster.openLeave(id);
    const form = roster.leave!.form;
    expect([form.fromDate, form.fromTime, form.toDate, form.toTime]).toEqual(['2025-03-01', '11:00', '2025-03-02', '00:00']);
    form.set('reason', '发烧');
    expect(await roster.recordLeave()).toBe(true);
    expect(api.callsOf('recordLeave')).toEqual([[id, { from: '2025-03-01T03:00:00.000Z', to: '2025-03-01T16:00:00.000Z', reason: '发烧' }]]);
    expect(roster.messages[id]).toEqual({ tone: 'success', text: '已登记请假。期间的 2 次服务已重新安排：1 次交给了其他人，1 次暂时没人能接（已放进“待处理”）。' });
    expect(roster.leave).toBeNull();
  });

  it('leave that ends before it starts, or has no reason, is not sent', async () => {
    const { api, roster } = rosterWith();
    await roster.load();
    const id = roster.roster[0].staff.id;
    roster.openLeave(id);
    const form = roster.leave!.form;
    form.tomorrow();
    form.set('toDate', '2025-03-01');
    form.set('reason', '请假');
    expect(await roster.recordLeave()).toBe(false);
    expect(roster.messages[id]?.text).toBe('结束时间要晚于开始时间。');
    form.tomorrow();
    form.set('reason', '  ');
    expect(await roster.recordLeave()).toBe(false);
    expect(roster.messages[id]?.text).toMatch(/请假原因/);
    expect(api.callsOf('recordLeave')).toEqual([]);
  });

  it('leave recorded here can be withdrawn when the roster does not list it; the server’s own list wins when it does', async () => {
    const { api, roster } = rosterWith();
    await roster.load();
    const id = roster.roster[0].staff.id;
    roster.openLeave(id);
    roster.leave!.form.tomorrow();
    roster.leave!.form.set('reason', '家里有事');
    await roster.recordLeave();
    const [recorded] = roster.leaveOf(roster.roster[0]);
    expect(recorded).toMatchObject({ from: '2025-03-01T16:00:00.000Z', reason: '家里有事', canCancel: true });
    expect(await roster.cancelLeave(id, recorded.id)).toBe(true);
    expect(api.callsOf('cancelStaffLeave')).toEqual([[id, recorded.id]]);
    expect(roster.leaveOf(roster.roster[0])).toEqual([]);

    const listed = { id: '77777777-7777-4777-8777-777777777777', from: '2025-03-03T00:00:00.000Z', to: '2025-03-04T00:00:00.000Z', reason: '年假', byDispatcher: false, canCancel: true };
    expect(roster.leaveOf(rosterEntry(1, { leave: [listed] }))).toEqual([listed]);
  });

  it('profile: opens with what is set, refuses a bad cap, saves and shows the saved person', async () => {
    const { api, roster } = rosterWith();
    await roster.load();
    const entry = roster.roster[0];
    roster.openProfile(entry);
    const form = roster.profile!.form;
    expect([form.district, form.radiusKm, form.dailyCap, form.dialects]).toEqual(['徐汇区', '8', '5', '上海话、普通话']);
    form.set('dailyCap', '20');
    expect(await roster.saveProfile()).toBe(false);
    expect(roster.messages[entry.staff.id]?.text).toMatch(/1 到 12/);
    form.set('dailyCap', '3');
    form.toggleSkill('disability_assessment');
    form.addCertificate();
    form.setCertificate(0, 'name', '伤残鉴定资格证');
    form.setCertificate(0, 'number', 'SC-2024-001');
    form.setActive(false);
    expect(await roster.saveProfile()).toBe(true);
    expect(api.callsOf('updateStaffProfile')[0][1]).toEqual({
      skills: ['claim', 'disability_assessment'],
      certificates: [{ name: '伤残鉴定资格证', number: 'SC-2024-001', validUntil: null }],
      dialects: ['上海话', '普通话'],
      area: { district: '徐汇区', radiusKm: 8 },
      dailyCap: 3,
      active: false,
    });
    expect(roster.roster[0]).toMatchObject({ dailyCap: 3, active: false });
    expect(roster.profile).toBeNull();
  });

  it('a failed action keeps the form open and says why on the person’s card', async () => {
    const { api, roster } = rosterWith();
    await roster.load();
    const entry = roster.roster[1];
    roster.openProfile(entry);
    api.failNext('updateStaffProfile', NETWORK());
    expect(await roster.saveProfile()).toBe(false);
    expect(roster.messages[entry.staff.id]).toEqual({ tone: 'error', text: expect.stringMatching(/网络/) });
    expect(roster.profile?.staffId).toBe(entry.staff.id);
  });
});
