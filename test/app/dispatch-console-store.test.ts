import { DispatchConsoleStore } from '@/stores/dispatch-console-store';
import { rosterDate, timeLeftText, typedInstant } from '@/stores/dispatch-words';
import { NETWORK, serverError } from './fake-api';
import { FakeDispatchApi, LEVELS, dispatchBooking } from './fake-dispatch-api';

const NOW = new Date('2025-03-01T02:00:00.000Z'); // 10:00 in China
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();
const offered = (id: string, minutes: number) =>
  dispatchBooking({ id, status: 'offered', statusLabel: '等待服务人员确认', allowedActions: ['reassign', 'cancel'] }, '静安区', at(minutes));

function consoleWith(api: FakeDispatchApi) {
  return new DispatchConsoleStore(api, () => NOW);
}

describe('DispatchConsoleStore', () => {
  it('puts unmatched bookings first, then offers with the time they have left, in words', async () => {
    const api = new FakeDispatchApi();
    api.expiring = [offered('bbbbbbbb-bbbb-4bbb-8bbb-000000000001', 4), offered('bbbbbbbb-bbbb-4bbb-8bbb-000000000002', 95)];
    const c = consoleWith(api);
    await c.load();
    expect(c.unmatched.map((u) => u.booking.status)).toEqual(['unmatched']);
    expect(c.expiringOffers.map((o) => [o.timeLeft, o.urgent])).toEqual([
      ['还剩 4 分钟', true],
      ['还剩 1 小时 35 分钟', false],
    ]);
  });

  it('a failing service-level answer does not hide the queue (each half says its own problem)', async () => {
    const api = new FakeDispatchApi();
    api.failNext('serviceLevels', serverError('FORBIDDEN'));
    const c = consoleWith(api);
    await c.load();
    expect(c.queueState).toBe('ready');
    expect(c.unmatched).toHaveLength(1);
    expect(c.levelsState).toBe('error');
    expect(c.levelsError).toBeTruthy();
  });

  it('a reload that fails keeps what was shown and says so', async () => {
    const api = new FakeDispatchApi();
    const c = consoleWith(api);
    await c.load();
    api.failNext('dispatchQueue', NETWORK());
    await c.load();
    expect(c.queueState).toBe('error');
    expect(c.queueError).toMatch(/网络/);
    expect(c.unmatched).toHaveLength(1);
  });

  it('lists overdue complaints first, then by the next deadline', async () => {
    const api = new FakeDispatchApi();
    const complaint = (id: string, overdue: boolean, internalDeadline: string) => ({
      id, bookingId: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', category: 'attitude' as const, urgent: true, status: 'received' as const, internalDeadline, answerDeadline: at(2000), overdue,
    });
    api.levels = { ...LEVELS, openComplaints: [complaint('c-soon', false, at(30)), complaint('c-late', false, at(90)), complaint('c-over', true, at(-10))] };
    const c = consoleWith(api);
    await c.load();
    expect(c.complaints.map((x) => x.id)).toEqual(['c-over', 'c-soon', 'c-late']);
  });

  it('全部重新匹配 reports what it did and reloads the queue', async () => {
    const api = new FakeDispatchApi();
    const c = consoleWith(api);
    await c.load();
    expect(await c.rematchAll()).toBe(true);
    expect(c.rematchText).toBe('重新匹配了 1 次预约：1 次已发给服务人员，全部安排好了。');
    expect(c.unmatched).toEqual([]);
    expect(api.callsOf('dispatchQueue')).toHaveLength(2);
  });

  it('a refused rematch says why and changes nothing', async () => {
    const api = new FakeDispatchApi();
    const c = consoleWith(api);
    await c.load();
    api.failNext('rematchBacklog', NETWORK());
    expect(await c.rematchAll()).toBe(false);
    expect(c.rematchError).toMatch(/网络/);
    expect(c.rematchText).toBeNull();
    expect(c.unmatched).toHaveLength(1);
  });
});

describe('dispatch words', () => {
  it('time left: minutes, hours, under a minute, past', () => {
    expect(timeLeftText(at(0.5), NOW)).toBe('还剩不到 1 分钟');
    expect(timeLeftText(at(120), NOW)).toBe('还剩 2 小时');
    expect(timeLeftText(at(-1), NOW)).toBe('已超时，系统正在换人');
  });

  it('today and tomorrow are China days', () => {
    const lateEvening = new Date('2025-03-01T17:00:00.000Z'); // 01:00 on 3 March in China
    expect(rosterDate('today', lateEvening)).toBe('2025-03-02');
    expect(rosterDate('tomorrow', lateEvening)).toBe('2025-03-03');
  });

  it('a typed day and time is China time; days that do not exist are refused', () => {
    expect(typedInstant('2025-03-02', '9:00')?.toISOString()).toBe('2025-03-02T01:00:00.000Z');
    expect(typedInstant('2025-02-30', '09:00')).toBeNull();
    expect(typedInstant('2025-03-02', '25:00')).toBeNull();
  });
});
