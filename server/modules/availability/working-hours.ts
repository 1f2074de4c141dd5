/**
 * Weekly working hours as a staff member sets them: per ISO weekday at most 3 ranges, each ending
 * after it starts, none overlapping another of the same day (touching is fine: 09:00–12:00 and
 * 12:00–18:00). "HH:mm" strings compare correctly as text.
 */
import { DomainError, type WeeklyHours } from '@domain';

export const MAX_RANGES_PER_DAY = 3;
const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'];
type Range = [string, string];

function checkDay(day: string, ranges: readonly Range[]): Range[] {
  // The schema's key pattern is not a closed list of properties: an unknown key can get this far.
  if (!WEEKDAYS.includes(day)) throw new DomainError('WORKING_HOURS_INVALID', { day, problem: 'unknown_day' });
  if (ranges.length > MAX_RANGES_PER_DAY) throw new DomainError('WORKING_HOURS_INVALID', { day, problem: 'too_many_ranges' });
  const sorted = [...ranges].sort((a, b) => a[0].localeCompare(b[0]));
  sorted.forEach(([start, end], i) => {
    if (end <= start) throw new DomainError('WORKING_HOURS_INVALID', { day, problem: 'end_not_after_start', range: [start, end] });
    const previous = sorted[i - 1];
    if (previous && start < previous[1]) throw new DomainError('WORKING_HOURS_INVALID', { day, problem: 'overlap', range: [start, end] });
  });
  return sorted.map(([start, end]) => [start, end]);
}

/** The hours to store: checked, each day's ranges in time order, days without hours left out. */
export function normaliseWorkingHours(hours: Record<string, Range[]>): WeeklyHours {
  const out: Record<string, Range[]> = {};
  for (const day of Object.keys(hours).sort()) {
    const ranges = checkDay(day, hours[day]);
    if (ranges.length > 0) out[day] = ranges;
  }
  return out as WeeklyHours;
}
