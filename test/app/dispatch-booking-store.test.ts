import { DispatchBookingStore } from '@/stores/dispatch-booking-store';
import { serverError } from './fake-api';
import { FakeDispatchApi, dispatchBooking, staffCard } from './fake-dispatch-api';

const ID = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

async function opened(api = new FakeDispatchApi()) {
  const store = new DispatchBookingStore(api);
  await store.open(ID);
  return { api, store };
}

describe('DispatchBookingStore', () => {
  it('opens the booking with the ranked people who could take it', async () => {
    const { store } = await opened();
    expect(store.current?.booking.status).toBe('unmatched');
    expect(store.candidates.map((c) => [c.staff.staffNo, c.reasons[0]])).toEqual([
      ['AX1001', '会说上海话'],
      ['AX1002', '距客户 5.1 公里'],
    ]);
    expect(store.can('reassign')).toBe(true);
    expect(store.can('staffNoShow')).toBe(false);
  });

  it('改派 needs a person and a reason before the confirming step; nothing is sent until then', async () => {
    const { api, store } = await opened();
    expect(store.ask('reassign')).toBe(false);
    expect(store.actionError).toBe('请先在上面的名单里选一位服务人员。');
    store.choose(store.candidates[1].staff.id);
    expect(store.ask('reassign')).toBe(false);
    expect(store.actionError).toMatch(/原因/);
    store.setReason('reassign', '  客户要求换女性服务人员  ');
    expect(store.ask('reassign')).toBe(true);
    expect(store.asking).toBe('reassign');
    expect(api.callsOf('reassign')).toEqual([]);
  });

  it('the confirming tap sends the version seen, and the booking shows it offered to that person', async () => {
    const { api, store } = await opened();
    const chosen = store.candidates[1].staff;
    store.choose(chosen.id);
    store.setReason('reassign', '客户要求换人');
    store.ask('reassign');
    expect(await store.confirm()).toBe(true);
    expect(api.callsOf('reassign')).toEqual([[ID, { version: 1, staffId: chosen.id, reason: '客户要求换人' }]]);
    expect(store.current?.booking.status).toBe('offered');
    expect(store.current?.booking.staff?.staffNo).toBe(chosen.staffNo);
    expect(store.done?.text).toBe('已改派，正在等这位服务人员确认。');
    expect(store.reasons.reassign).toBe('');
    expect(store.chosen).toBeNull();
  });

  it('a visit changed meanwhile (VERSION_CONFLICT) is reloaded and the dispatcher is told so', async () => {
    const { api, store } = await opened();
    // The staff member confirmed it in the meantime.
    api.bookings[0].booking = { ...api.bookings[0].booking, version: 2, status: 'confirmed', statusLabel: '已确认', allowedActions: ['reassign', 'cancel', 'record_staff_no_show'] };
    store.setReason('cancel', '客户来电取消');
    store.ask('cancel');
    expect(await store.confirm()).toBe(false);
    expect(store.conflict).toBe(true);
    expect(store.actionError).toMatch(/页面已重新加载/);
    expect(store.current?.booking.status).toBe('confirmed');
    expect(store.current?.booking.version).toBe(2);
    expect(store.can('staffNoShow')).toBe(true);
    expect(store.asking).toBeNull();
  });

  it('a person who can no longer take it is refused with the server’s words, and the list is fetched again', async () => {
    const { api, store } = await opened();
    store.choose(store.candidates[0].staff.id);
    store.setReason('reassign', '熟客');
    store.ask('reassign');
    api.candidates = api.candidates.slice(1);
    expect(await store.confirm()).toBe(false);
    expect(store.actionError).toMatch(/不能接这次服务/);
    expect(store.conflict).toBe(false);
    expect(store.candidates).toHaveLength(1);
    expect(store.chosen).toBeNull();
    expect(store.current?.booking.status).toBe('unmatched');
  });

  it('取消 and 记录服务人员未到 send their reasons; 解锁上门码 is offered only while the code is locked', async () => {
    const api = new FakeDispatchApi();
    const locked = true;
    api.bookings = [dispatchBooking({ status: 'en_route', statusLabel: '服务人员在路上', staff: staffCard(1), allowedActions: ['cancel', 'record_staff_no_show'] }, '徐汇区', null, locked)];
    const { store } = await opened(api);
    expect(store.can('unlockDoorCode')).toBe(true);
    store.setReason('unlockDoorCode', '已电话确认是本人');
    store.ask('unlockDoorCode');
    expect(await store.confirm()).toBe(true);
    expect(api.callsOf('unlockDoorCode')).toEqual([[ID, { version: 1, reason: '已电话确认是本人' }]]);
    expect(store.can('unlockDoorCode')).toBe(false);
    store.setReason('staffNoShow', '过了一小时还没到');
    store.ask('staffNoShow');
    expect(await store.confirm()).toBe(true);
    expect(api.callsOf('recordStaffNoShow')).toEqual([[ID, { version: 1, reason: '过了一小时还没到' }]]);
    expect(store.current?.booking.statusLabel).toBe('服务人员未到');
    expect(store.can('unlockDoorCode')).toBe(false);
    expect(store.can('cancel')).toBe(false);
  });

  it('再想想 leaves the booking as it was', async () => {
    const { api, store } = await opened();
    store.setReason('cancel', '客户来电取消');
    store.ask('cancel');
    store.stopAsking();
    expect(await store.confirm()).toBe(false);
    expect(api.callsOf('dispatchCancel')).toEqual([]);
  });

  it('opening another booking drops the choices made on the first', async () => {
    const api = new FakeDispatchApi();
    const other = dispatchBooking({ id: 'bbbbbbbb-bbbb-4bbb-8bbb-000000000009' });
    api.bookings.push(other);
    const { store } = await opened(api);
    store.choose(store.candidates[0].staff.id);
    store.setReason('reassign', '熟客');
    await store.open(other.booking.id);
    expect(store.chosen).toBeNull();
    expect(store.reasons.reassign).toBe('');
    expect(store.current?.booking.id).toBe(other.booking.id);
  });

  it('a booking that cannot be found says so in Chinese', async () => {
    const api = new FakeDispatchApi();
    api.failNext('dispatchBooking', serverError('NOT_FOUND'));
    const { store } = await opened(api);
    expect(store.state).toBe('error');
    expect(store.error).toMatch(/没有找到/);
  });
});
