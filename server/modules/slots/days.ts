/** Groups offered slots into the days of the booking horizon, labelled as people say them. */
import { BOOKING_RULES, chinaDate, formatChinaDay, type SlotsResponse, type SlotView } from '@domain';

const DAY_PREFIX = ['今天', '明天', '后天'];

function dayLabel(date: string, index: number): string {
  const day = formatChinaDay(`${date}T12:00:00+08:00`);
  return index < DAY_PREFIX.length ? `${DAY_PREFIX[index]} ${day}` : day;
}

/** Every day of the horizon from today, each with its slots (possibly none: the page says why). */
export function slotDays(now: Date, slots: readonly SlotView[]): SlotsResponse['days'] {
  return Array.from({ length: BOOKING_RULES.horizonDays }, (_, i) => {
    const date = chinaDate(now.getTime() + i * 86_400_000);
    return { date, label: dayLabel(date, i), slots: slots.filter((s) => s.date === date) };
  });
}
