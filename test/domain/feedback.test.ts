import { addWorkingDays, canComplain, canRate, complaintDeadlines, complaintPromise } from '@domain/feedback';

const china = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00.000+08:00`);

describe('working days (China calendar, weekends skipped)', () => {
  it('counts Monday to Friday only, keeping the clock time', () => {
    expect(addWorkingDays(china('2030-01-07', '10:00'), 1)).toEqual(china('2030-01-08', '10:00')); // Mon → Tue
    expect(addWorkingDays(china('2030-01-11', '16:30'), 1)).toEqual(china('2030-01-14', '16:30')); // Fri → Mon
    expect(addWorkingDays(china('2030-01-12', '09:00'), 1)).toEqual(china('2030-01-14', '09:00')); // Sat → Mon
    expect(addWorkingDays(china('2030-01-07', '08:00'), 15)).toEqual(china('2030-01-28', '08:00')); // three weeks
  });

  it('uses the China date, not UTC: Monday 07:00 in China is still Sunday in UTC', () => {
    expect(addWorkingDays(china('2030-01-07', '07:00'), 1)).toEqual(china('2030-01-08', '07:00'));
    expect(addWorkingDays(china('2030-01-11', '23:30'), 1)).toEqual(china('2030-01-14', '23:30'));
  });
});

describe('complaint promises', () => {
  it('urgent: 2 hours inside, 1 working day to the customer; others: 15 working days', () => {
    const at = china('2030-01-11', '16:30');
    expect(complaintDeadlines(at, true)).toEqual({ internalBy: china('2030-01-11', '18:30'), answerBy: china('2030-01-14', '16:30') });
    expect(complaintDeadlines(at, false).answerBy).toEqual(china('2030-02-01', '16:30'));
    expect(complaintPromise(true, china('2030-01-14', '16:30'))).toBe('加急：2 小时内有专人处理，最晚 1月14日 星期一 下午 4:30 前答复您。');
  });

  it('rating only after completion; complaints once the visit started or ended', () => {
    expect([canRate('completed'), canRate('in_service')]).toEqual([true, false]);
    expect(['confirmed', 'en_route', 'cancelled', 'no_show_staff'].map((s) => canComplain(s as never))).toEqual([false, true, true, true]);
  });
});
