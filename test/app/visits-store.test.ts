import { FeedbackStore } from '@/stores/feedback-store';
import { PreferencesStore } from '@/stores/preferences-store';
import { changeCutoffPassed } from '@/stores/visit-change';
import { VisitsStore } from '@/stores/visits-store';
import { FakeApi, NETWORK, booking, serverError } from './fake-api';

const ID = 'b1000000-0000-4000-8000-000000000001';

describe('VisitsStore', () => {
  it('the next visit is the first one not yet finished', async () => {
    const api = new FakeApi();
    api.bookingsList = [
      booking({ id: ID, status: 'confirmed', statusLabel: '已确认' }),
      booking({ id: 'b1000000-0000-4000-8000-000000000002', status: 'completed', statusLabel: '已完成' }),
    ];
    const visits = new VisitsStore(api);
    await visits.loadList();
    expect(visits.next?.id).toBe(ID);
    expect(visits.past.map((b) => b.id)).toEqual(['b1000000-0000-4000-8000-000000000002']);
  });

  it('a failed refresh keeps the visit already shown', async () => {
    const api = new FakeApi();
    const b = booking();
    api.bookingsList = [b];
    const visits = new VisitsStore(api);
    await visits.loadVisit(b.id);
    api.failNext('booking', NETWORK());
    await visits.loadVisit(b.id);
    expect(visits.currentState).toBe('error');
    expect(visits.current?.id).toBe(b.id);
    expect(visits.currentError).toMatch(/网络/);
  });

  it('cancels with the tapped reason and the short note, at the version shown, and shows 已取消', async () => {
    const api = new FakeApi();
    api.bookingsList = [booking({ id: ID, version: 4 })];
    const visits = new VisitsStore(api);
    await visits.loadList();
    await visits.loadVisit(ID);
    expect(await visits.cancel('身体不舒服', '  住院了 ')).toBe(true);
    expect(api.callsOf('cancelBooking')).toEqual([[ID, { version: 4, reason: '身体不舒服：住院了' }]]);
    expect(visits.current?.statusLabel).toBe('已取消');
    expect(visits.list[0].status).toBe('cancelled');
    expect(visits.lastChange).toEqual({ id: ID, kind: 'cancel' });
  });

  it('after the cut-off the refusal is kept, marked too late, and nothing changes', async () => {
    const api = new FakeApi();
    api.bookingsList = [booking({ id: ID })];
    const visits = new VisitsStore(api);
    await visits.loadVisit(ID);
    api.failNext('cancelBooking', serverError('CHANGE_CUTOFF_PASSED'));
    expect(await visits.cancel('约错了')).toBe(false);
    expect(visits.changeTooLate).toBe(true);
    expect(visits.changeError).toMatch(/400-800-1234/);
    expect(visits.current?.status).toBe('offered');
  });

  it('offers the same person’s free slots first, then the others by day', async () => {
    const api = new FakeApi();
    const slot = (start: string, sameStaff: boolean) => ({ start, end: start, date: start.slice(0, 10), period: 'morning' as const, label: start.slice(11, 16), sameStaff });
    api.rescheduleData = {
      staff: null,
      days: [
        { date: '2025-03-02', label: '明天', slots: [slot('2025-03-02T01:00:00.000Z', false), slot('2025-03-02T06:00:00.000Z', false)] },
        { date: '2025-03-03', label: '后天', slots: [slot('2025-03-03T01:00:00.000Z', true), slot('2025-03-03T06:00:00.000Z', false)] },
        { date: '2025-03-04', label: '周二', slots: [] },
      ],
    };
    const visits = new VisitsStore(api);
    await visits.loadRescheduleSlots(ID);
    expect(visits.sameStaffSlots.map((s) => [s.dayLabel, s.start])).toEqual([['后天', '2025-03-03T01:00:00.000Z']]);
    expect(visits.otherSlotDays.map((d) => [d.label, d.slots.length])).toEqual([['明天', 2], ['后天', 1]]);
  });

  it('reschedules to the picked slot', async () => {
    const api = new FakeApi();
    api.bookingsList = [booking({ id: ID, version: 2 })];
    const visits = new VisitsStore(api);
    await visits.loadVisit(ID);
    expect(await visits.reschedule('2025-03-03T01:00:00.000Z')).toBe(true);
    expect(api.callsOf('rescheduleBooking')).toEqual([[ID, { version: 2, slotStart: '2025-03-03T01:00:00.000Z' }]]);
    expect(visits.current?.slotStart).toBe('2025-03-03T01:00:00.000Z');
  });

  it('knows the cut-off passed when the machine would allow a change but the server no longer offers it', () => {
    expect(changeCutoffPassed(booking({ status: 'confirmed', allowedActions: [] }))).toBe(true);
    expect(changeCutoffPassed(booking({ status: 'confirmed', allowedActions: ['reschedule', 'cancel'] }))).toBe(false);
    expect(changeCutoffPassed(booking({ status: 'en_route', allowedActions: [] }))).toBe(false);
    expect(changeCutoffPassed(booking({ status: 'completed', allowedActions: [] }))).toBe(false);
  });
});

describe('FeedbackStore', () => {
  it('a complaint retried after a dropped network is sent with the same key, so it is saved once', async () => {
    const api = new FakeApi();
    let n = 0;
    const feedback = new FeedbackStore(api, () => `key-${++n}-abcdefgh`);
    api.failNext('complain', NETWORK());
    const body = { category: 'asked_money' as const, urgent: true };
    expect(await feedback.complain(ID, body)).toBe(false);
    expect(feedback.saveError).toMatch(/网络/);
    expect(await feedback.complain(ID, body)).toBe(true);
    const keys = api.callsOf('complain').map((c) => c[2]);
    expect(keys).toEqual(['key-1-abcdefgh', 'key-1-abcdefgh']);
    expect(feedback.feedback?.complaints).toHaveLength(1);
    await feedback.complain(ID, { category: 'other', urgent: false });
    expect(api.callsOf('complain')[2][2]).toBe('key-2-abcdefgh');
  });

  it('a rating is sent once and then shown instead of the form', async () => {
    const api = new FakeApi();
    const feedback = new FeedbackStore(api);
    await feedback.load(ID);
    expect(feedback.feedback?.canRate).toBe(true);
    expect(await feedback.rate(ID, { stars: 5, nps: 10, tags: ['patient'] })).toBe(true);
    expect(feedback.feedback).toMatchObject({ canRate: false, rating: { stars: 5, nps: 10, tags: ['patient'] } });
  });
});

describe('PreferencesStore', () => {
  it('saves each tap at once, and keeps what is really saved when saving fails', async () => {
    const api = new FakeApi();
    const prefs = new PreferencesStore(api);
    await prefs.load();
    expect(await prefs.set({ dialect: '上海话' })).toBe(true);
    expect(api.prefs).toEqual({ dialect: '上海话', preferredStaffGender: null });
    api.failNext('savePreferences', NETWORK());
    expect(await prefs.set({ preferredStaffGender: 'female' })).toBe(false);
    expect(prefs.value).toEqual({ dialect: '上海话', preferredStaffGender: null });
    expect(prefs.saveError).toMatch(/网络/);
  });
});
