/** A China calendar day as the console asks for it (?date=YYYY-MM-DD, today when absent). */
import { chinaDate, chinaInstant, DomainError } from '@domain';

export interface ChinaDay {
  date: string;
  /** 00:00 China time that day, and 00:00 the next day. */
  from: Date;
  to: Date;
}

const DAY_MS = 86_400_000;

export function chinaDay(date: string | undefined, now: Date): ChinaDay {
  const day = date ?? chinaDate(now);
  const from = chinaInstant(day, '00:00');
  // The pattern lets 2030-02-31 through; Date would roll it over to March.
  if (Number.isNaN(from.getTime()) || chinaDate(from) !== day) throw new DomainError('VALIDATION_FAILED', { fields: ['date'] });
  return { date: day, from, to: new Date(from.getTime() + DAY_MS) };
}
