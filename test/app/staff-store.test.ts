import { StaffStore } from '@/stores/staff-store';
import { FakeApi, NETWORK, task } from './fake-api';

describe('StaffStore', () => {
  it('offers confirm only when the state machine allows it', async () => {
    const api = new FakeApi();
    api.tasks = [task(), task({ id: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd', status: 'confirmed', statusLabel: '已确认', allowedActions: ['depart', 'cancel'] })];
    const staff = new StaffStore(api);
    await staff.load();
    expect(staff.tasks.map((t) => staff.canConfirm(t))).toEqual([true, false]);
  });

  it('confirm sends the version seen and shows the task as 已确认', async () => {
    const api = new FakeApi();
    const staff = new StaffStore(api);
    await staff.load();
    const id = staff.tasks[0].id;
    const pending = staff.confirm(id);
    expect(staff.isConfirming(id)).toBe(true);
    expect(await pending).toBe(true);
    expect(api.callsOf('confirmTask')).toEqual([[id, 3]]);
    expect(staff.tasks[0].status).toBe('confirmed');
    expect(staff.tasks[0].statusLabel).toBe('已确认');
    expect(staff.canConfirm(staff.tasks[0])).toBe(false);
    expect(staff.isConfirming(id)).toBe(false);
  });

  it('a stale version is refused: the message shows and the list is refreshed', async () => {
    const api = new FakeApi();
    const staff = new StaffStore(api);
    await staff.load();
    const id = staff.tasks[0].id;
    // Someone else changed the task meanwhile.
    api.tasks = [task({ version: 4, status: 'confirmed', statusLabel: '已确认', allowedActions: ['depart'] })];
    expect(await staff.confirm(id)).toBe(false);
    expect(staff.taskErrors[id]).toBe('这次服务刚刚有了新变化，页面已过时。请刷新后再试。');
    expect(staff.tasks[0].version).toBe(4);
    expect(staff.canConfirm(staff.tasks[0])).toBe(false);
  });

  it('a network failure keeps the task as it was and says what to do', async () => {
    const api = new FakeApi();
    const staff = new StaffStore(api);
    await staff.load();
    api.failNext('confirmTask', NETWORK());
    const id = staff.tasks[0].id;
    expect(await staff.confirm(id)).toBe(false);
    expect(staff.tasks[0].status).toBe('offered');
    expect(staff.taskErrors[id]).toMatch(/网络/);
  });
});
