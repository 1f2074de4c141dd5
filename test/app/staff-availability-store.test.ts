import { presetOf, StaffAvailabilityStore } from '@/stores/staff-availability-store';
import { serverError } from './fake-api';
import { FakeStaffApi } from './fake-staff-api';

function setup() {
  const api = new FakeStaffApi();
  const store = new StaffAvailabilityStore(api, () => new Date('2025-03-01T02:00:00.000Z'));
  return { api, store };
}

describe('StaffAvailabilityStore: my working hours, leave and area', () => {
  it('reads each weekday as a preset and saves a tapped one', async () => {
    const { api, store } = setup();
    await store.load();
    expect(store.presetFor('1')).toBe('morning');
    expect(store.presetFor('2')).toBe('full');
    expect(store.presetFor('7')).toBe('off');
    expect(await store.setDay('7', 'both')).toBe(true);
    expect(api.callsOf('saveWorkingHours')[0][0]).toEqual({
      workingHours: { '1': [['08:00', '12:00']], '2': [['08:00', '18:00']], '7': [['08:00', '12:00'], ['13:00', '18:00']] },
    });
    expect(store.presetFor('7')).toBe('both');
    expect(presetOf([['09:00', '17:00']])).toBeNull();
  });

  it('adds leave from the start of the first day (China time) for the days tapped, with a reason; withdraws it', async () => {
    const { api, store } = setup();
    await store.load();
    expect(store.leaveStartChoices[0]).toBe('2025-03-01');
    expect(await store.addLeave()).toBe(false);
    expect(store.saveError).toMatch(/点选/);
    store.chooseLeaveStart('2025-03-03');
    store.chooseLeaveDays(2);
    store.chooseLeaveReason('病假');
    expect(await store.addLeave()).toBe(true);
    expect(api.callsOf('addLeave')[0][0]).toEqual({ from: '2025-03-02T16:00:00.000Z', to: '2025-03-04T16:00:00.000Z', reason: '病假' });
    expect(store.data?.leave).toHaveLength(1);
    expect(await store.cancelLeave(store.data?.leave[0].id as string)).toBe(true);
    expect(store.data?.leave).toEqual([]);
  });

  it('saves the area by tap and shows the server’s refusal in Chinese', async () => {
    const { api, store } = setup();
    await store.load();
    expect(await store.setArea(null, 8)).toBe(true);
    expect(api.callsOf('saveArea')[0][0]).toEqual({ district: '静安区', radiusKm: 8 });
    api.failNext('saveWorkingHours', serverError('WORKING_HOURS_INVALID'));
    expect(await store.setDay('1', 'full')).toBe(false);
    expect(store.saveError).toMatch(/工作时间有误/);
  });
});
