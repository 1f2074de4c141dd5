import { StaffOutbox } from '@/stores/staff-outbox';
import { StaffStore } from '@/stores/staff-store';
import { needChips, serviceText, timeLeftText, travelText } from '@/staff/parts/task-texts';
import { NETWORK, STAFF_USER } from './fake-api';
import { FakeStaffApi, manualTimer, staffTask, TASK_ID } from './fake-staff-api';

const LATER = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';

function setup() {
  const api = new FakeStaffApi([staffTask(), staffTask({ id: LATER, status: 'confirmed', version: 2 })]);
  const outbox = new StaffOutbox({ api, timer: manualTimer() });
  outbox.attach(STAFF_USER.id);
  let now = new Date('2025-03-01T00:05:00.000Z');
  const board = new StaffStore(api, outbox, () => now);
  return { api, outbox, board, setNow: (d: string) => (now = new Date(d)) };
}

describe('StaffStore: the task board', () => {
  it('puts new offers on top with the time left counted when shown, then the day’s visits', async () => {
    const { board, setNow } = setup();
    await board.load();
    expect(board.offers.map((t) => t.id)).toEqual([TASK_ID]);
    expect(board.today.map((t) => t.id)).toEqual([LATER]);
    expect(timeLeftText(board.offers[0].offerExpiresAt, board.checkedAt)).toBe('还有 25 分钟可以答复');
    // Nothing ticks: only showing the board again recounts.
    setNow('2025-03-01T00:20:00.000Z');
    expect(timeLeftText(board.offers[0].offerExpiresAt, board.checkedAt)).toBe('还有 25 分钟可以答复');
    await board.load();
    expect(timeLeftText(board.offers[0].offerExpiresAt, board.checkedAt)).toBe('还有 10 分钟可以答复');
  });

  it('确认接单 sends the version seen and the board shows it confirmed', async () => {
    const { api, board, outbox } = setup();
    await board.load();
    board.confirm(board.offers[0]);
    expect(board.offers[0].statusLabel).toBe('已确认');
    await outbox.flush();
    await board.load();
    expect(api.callsOf('staffAction')[0].slice(0, 3)).toEqual([TASK_ID, 'confirm', { version: 3 }]);
    expect(board.offers).toEqual([]);
    expect(board.today.map((t) => t.id)).toEqual([TASK_ID, LATER]);
  });

  it('婉拒 needs a reason tapped; the note is added to it; the offer leaves the board', async () => {
    const { api, board, outbox } = setup();
    await board.load();
    const offer = board.offers[0];
    board.openDecline(offer.id);
    expect(board.decline(offer)).toBe(false);
    board.chooseDeclineReason('距离太远');
    board.setDeclineNote('  下午在浦东  ');
    expect(board.decline(offer)).toBe(true);
    expect(board.offers).toEqual([]);
    expect(board.declining).toBeNull();
    await outbox.flush();
    expect(api.callsOf('staffAction')[0][2]).toEqual({ version: 3, reason: '距离太远：下午在浦东' });
    expect(api.applied).toEqual(['decline@3']);
  });

  it('an offer that lapsed meanwhile: the server’s message shows on it and the board reloads', async () => {
    const { api, board, outbox } = setup();
    await board.load();
    const offer = board.offers[0];
    const held = api.held.get(TASK_ID);
    if (held) held.card = { ...held.card, version: 4 };
    board.confirm(offer);
    await outbox.flush();
    expect(board.refusalOf(TASK_ID)).toBe('这次服务刚刚有了新变化，页面已过时。请刷新后再试。');
  });

  it('a board that cannot load says why and keeps what it showed', async () => {
    const { api, board } = setup();
    await board.load();
    api.failNext('staffBoard', NETWORK());
    await board.load();
    expect(board.state).toBe('error');
    expect(board.error).toMatch(/网络/);
    expect(board.offers).toHaveLength(1);
  });
});

describe('what a task card says', () => {
  it('travel from the previous visit or the base, service, needs', () => {
    expect(travelText({ travel: { from: 'previous_visit', distanceKm: 3.24, minutes: 12 } })).toBe('距上一单 3.2 公里，约 12 分钟');
    expect(travelText({ travel: { from: 'base', distanceKm: 5, minutes: 19 } })).toBe('从出发地 5.0 公里，约 19 分钟');
    expect(serviceText(staffTask())).toBe('上门理赔 · 门诊');
    expect(needChips({ needs: { mobility: ['wheelchair', 'no_stairs'], dialect: '上海话', hardOfHearing: true } })).toEqual(['轮椅', '不能爬楼梯', '听力不好', '方言：上海话']);
  });

  it('the time left reads in hours and minutes, and says when it is about to run out', () => {
    const at = new Date('2025-03-01T00:00:00.000Z');
    expect(timeLeftText('2025-03-01T01:05:30.000Z', at)).toBe('还有 1 小时 5 分钟可以答复');
    expect(timeLeftText('2025-03-01T02:00:00.000Z', at)).toBe('还有 2 小时可以答复');
    expect(timeLeftText('2025-03-01T00:00:30.000Z', at)).toBe('答复时间快到了，请马上答复');
  });
});
