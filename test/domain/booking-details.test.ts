/** Escort windows, hospital search and district placement: the pure rules behind the booking pages. */
import { districtOf, escortWindow, findDistrict, findEscortSlot, HOSPITALS, searchHospitals, upcomingEscortSlots } from '@domain';

const MONDAY_0800 = new Date('2030-01-07T08:00:00+08:00');
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();

describe('escort windows', () => {
  it('with pick-up the escort comes an hour before and stays 2.5 hours after; without, half an hour before and 2 hours after', () => {
    expect(escortWindow(at('2030-01-08', '10:00'), true)).toEqual({ start: at('2030-01-08', '09:00'), end: at('2030-01-08', '12:30') });
    expect(escortWindow(at('2030-01-08', '10:00'), false)).toEqual({ start: at('2030-01-08', '09:30'), end: at('2030-01-08', '12:00') });
  });

  it('offers appointment times whose window starts at least two hours from now, over seven days', () => {
    const slots = upcomingEscortSlots(MONDAY_0800, true);
    expect(slots[0]).toMatchObject({ appointmentAt: at('2030-01-07', '11:00'), start: at('2030-01-07', '10:00'), label: '上午 11:00', period: 'morning' });
    expect(new Set(slots.map((s) => s.date)).size).toBe(7);
    expect(slots.find((s) => s.appointmentAt === at('2030-01-08', '13:30'))?.period).toBe('afternoon');
  });

  it('finds only appointment times we offer', () => {
    expect(findEscortSlot(at('2030-01-08', '09:30'), false, MONDAY_0800)?.start).toBe(at('2030-01-08', '09:00'));
    expect(findEscortSlot(at('2030-01-08', '12:00'), false, MONDAY_0800)).toBeNull();
    expect(findEscortSlot(at('2030-01-07', '10:30'), true, MONDAY_0800)).toBeNull();
  });
});

describe('hospitals and districts', () => {
  it('finds a hospital by any part of its name or district, and lists all for an empty search', () => {
    expect(searchHospitals(' 瑞金 ').map((h) => h.id)).toEqual(['ruijin']);
    expect(searchHospitals('复旦大学').map((h) => h.id)).toEqual(['zhongshan', 'huashan', 'huadong']);
    expect(searchHospitals('上海瑞金医院').map((h) => h.id)).toEqual(['ruijin']);
    expect(searchHospitals('')).toHaveLength(HOSPITALS.length);
    expect(searchHospitals('协和')).toEqual([]);
  });

  it('places a map point in the district its address names, else the nearest one', () => {
    expect(districtOf({ lat: 31.19, lng: 121.44 }, '上海市静安区常德路').name).toBe('静安区');
    expect(districtOf({ lat: 31.1885, lng: 121.4365 }).name).toBe('徐汇区');
    expect(findDistrict('朝阳区')).toBeNull();
  });
});
