import {
  BOOKING_RULES,
  busyRangeOf,
  chinaDate,
  chinaWeekday,
  findSlot,
  formatChinaClock,
  formatVisitWindow,
  rangesOverlap,
  upcomingSlots,
} from '@domain';

// 2026-11-23 is a Monday. 08:00 UTC = 16:00 China time.
const mondayAfternoon = new Date('2026-11-23T08:00:00.000Z');

describe('China time', () => {
  test('dates and weekdays are China calendar ones, whatever the machine zone', () => {
    expect(chinaDate('2026-11-22T16:30:00.000Z')).toBe('2026-11-23');
    expect(chinaWeekday('2026-11-22T16:30:00.000Z')).toBe(1);
    expect(chinaWeekday('2026-11-29T03:00:00.000Z')).toBe(7);
  });

  test('clock and window read the way people say them', () => {
    expect(formatChinaClock('2026-11-23T01:00:00.000Z')).toBe('上午 9:00');
    expect(formatChinaClock('2026-11-23T06:30:00.000Z')).toBe('下午 2:30');
    expect(formatChinaClock('2026-11-23T04:00:00.000Z')).toBe('中午 12:00');
    expect(formatVisitWindow('2026-11-24T01:00:00.000Z', '2026-11-24T02:00:00.000Z')).toBe('11月24日 星期二 上午 9:00–10:00');
  });
});

describe('slots', () => {
  const slots = upcomingSlots('claim', mondayAfternoon);

  test('cover 7 China days from today, and skip what starts within the lead time', () => {
    const dates = [...new Set(slots.map((s) => s.date))];
    // At 16:00 China time nothing is left today (the last slot, 15:30, has begun): the six
    // following days remain, the last being today + 6.
    expect(dates).toEqual(['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    const morning = upcomingSlots('claim', new Date('2026-11-23T00:00:00.000Z'));
    expect([...new Set(morning.map((s) => s.date))]).toHaveLength(BOOKING_RULES.horizonDays);
    expect(morning[0].label).toBe('上午 10:30–11:30');
    expect(slots.every((s) => Date.parse(s.start) >= mondayAfternoon.getTime() + BOOKING_RULES.leadTimeMin * 60_000)).toBe(true);
  });

  test('are China wall-clock windows with labels', () => {
    const first = slots[0];
    expect(first).toEqual({
      start: '2026-11-24T01:00:00.000Z',
      end: '2026-11-24T02:00:00.000Z',
      date: '2026-11-24',
      period: 'morning',
      label: '上午 9:00–10:00',
    });
    expect(slots.find((s) => s.period === 'afternoon')?.label).toBe('下午 2:00–3:00');
  });

  test('findSlot accepts only slots we offer now', () => {
    expect(findSlot('claim', '2026-11-24T01:00:00.000Z', mondayAfternoon)).not.toBeNull();
    expect(findSlot('claim', '2026-11-24T01:15:00.000Z', mondayAfternoon)).toBeNull();
    expect(findSlot('claim', '2026-11-23T07:30:00.000Z', mondayAfternoon)).toBeNull();
    expect(findSlot('claim', '2026-12-10T01:00:00.000Z', mondayAfternoon)).toBeNull();
  });

  test('back-to-back slots leave room to travel; overlapping ones do not', () => {
    const [nine, halfTen] = slots;
    expect(rangesOverlap(busyRangeOf(nine), busyRangeOf(halfTen))).toBe(false);
    const tenFifteen = { start: '2026-11-24T02:15:00.000Z', end: '2026-11-24T03:15:00.000Z' };
    expect(rangesOverlap(busyRangeOf(nine), busyRangeOf(tenFifteen))).toBe(true);
  });
});
