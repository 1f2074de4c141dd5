import { formatChinaDay } from '@domain/time';

const RELATIVE = ['今天', '明天', '后天'];

/**
 * A day in short lines that never wrap mid-word: ["明天", "星期一", "11月23日"] or
 * ["星期三", "11月25日"]. The server lists today first, so the index says how far away it is.
 */
export function dayLabel(date: string, index: number): { lines: string[]; full: string } {
  const [md, week] = formatChinaDay(`${date}T12:00:00+08:00`).split(' ');
  const rel = RELATIVE[index];
  return rel ? { lines: [rel, week, md], full: `${rel} ${md} ${week}` } : { lines: [week, md], full: `${md} ${week}` };
}
