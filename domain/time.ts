/**
 * Time is deliberate: instants are stored and sent as UTC ISO 8601 strings; people see China
 * time. A fixed utcOffset(480) is used instead of the dayjs timezone plugin, which is unreliable
 * on WeChat Android.
 */
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';

// utcOffset(n) as a setter comes from the utc plugin.
dayjs.extend(utc);

export const CHINA_OFFSET_MIN = 480;

/** Injected wherever "now" matters, so tests can fix the time. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export function chinaTime(instant: Date | string | number): Dayjs {
  return dayjs(instant).utcOffset(CHINA_OFFSET_MIN);
}

/** The China calendar date of an instant, as YYYY-MM-DD. */
export function chinaDate(instant: Date | string | number): string {
  return chinaTime(instant).format('YYYY-MM-DD');
}

/** The instant at a China wall-clock time on a China date. */
export function chinaInstant(date: string, hhmm: string): Date {
  return new Date(`${date}T${hhmm}:00.000+08:00`);
}

/** ISO weekday of a China date: 1 = Monday … 7 = Sunday. */
export function chinaWeekday(instant: Date | string | number): number {
  const d = chinaTime(instant).day();
  return d === 0 ? 7 : d;
}

const WEEKDAY_NAMES = ['日', '一', '二', '三', '四', '五', '六'];

/** "11月23日 星期一" */
export function formatChinaDay(instant: Date | string | number): string {
  const t = chinaTime(instant);
  return `${t.month() + 1}月${t.date()}日 星期${WEEKDAY_NAMES[t.day()]}`;
}

/** "上午 9:00" / "下午 2:30" */
export function formatChinaClock(instant: Date | string | number): string {
  const t = chinaTime(instant);
  const h = t.hour();
  // 12:xx is 中午 (noon), as people say it; "下午 12:00" reads as midnight to many.
  const period = h < 12 ? '上午' : h < 13 ? '中午' : h < 18 ? '下午' : '晚上';
  const h12 = h > 12 ? h - 12 : h;
  return `${period} ${h12}:${t.format('mm')}`;
}

/** "11月23日 星期一 上午 9:00–10:00" */
export function formatVisitWindow(start: Date | string, end: Date | string): string {
  return `${formatChinaDay(start)} ${formatChinaClock(start)}–${chinaTime(end).format('H:mm')}`;
}

/** "11月22日 14:05" for timeline entries. */
export function formatEventTime(instant: Date | string): string {
  const t = chinaTime(instant);
  return `${t.month() + 1}月${t.date()}日 ${t.format('HH:mm')}`;
}
