import { formatChinaDay } from '@domain/time';

const RELATIVE = ['今天', '明天', '后天'];

/** "明天 · 11月24日 星期二": the server lists today first, so the index says how far away it is. */
export function dayLabel(date: string, index: number): { top: string; bottom: string } {
  const day = formatChinaDay(`${date}T12:00:00+08:00`);
  const [md, week] = day.split(' ');
  return { top: RELATIVE[index] ? `${RELATIVE[index]} ${week}` : week, bottom: md };
}
