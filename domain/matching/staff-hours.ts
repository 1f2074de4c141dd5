/**
 * Working hours of a staff index as flat arrays: minutes per weekday, so checking whether a person
 * is on duty for a visit compares numbers. Same answer as eligibility.ts's string comparison: times
 * that are not exactly "HH:mm" (and requests whose clock times are not) fall back to the strings.
 */
import type { StaffProfile, WeeklyHours } from '../staff';
import type { PreparedRequest } from './eligibility';

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** "HH:mm" as minutes, or -1 when not exactly that shape (then the string rule is used as is). */
export function clockMinutes(hhmm: string): number {
  if (typeof hhmm !== 'string' || !/^\d\d:[0-5]\d$/.test(hhmm)) return -1;
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

export class StaffHours {
  /** Person i, weekday d (1–7) owns ranges from/to[at[i*7+d-1] .. at[i*7+d]). */
  private readonly at: Int32Array;
  private readonly from: Int32Array;
  private readonly to: Int32Array;
  /** 1 when some time of theirs is not plain "HH:mm": their hours are checked as strings. */
  private readonly odd: Uint8Array;

  constructor(private readonly staff: readonly StaffProfile[]) {
    const n = staff.length;
    this.odd = new Uint8Array(n);
    this.at = new Int32Array(n * 7 + 1);
    const from: number[] = [];
    const to: number[] = [];
    staff.forEach((s, i) => {
      WEEKDAYS.forEach((d, k) => {
        for (const [a, b] of s.workingHours[d] ?? []) {
          const [fa, tb] = [clockMinutes(a), clockMinutes(b)];
          if (fa < 0 || tb < 0) this.odd[i] = 1;
          from.push(fa);
          to.push(tb);
        }
        this.at[i * 7 + k + 1] = from.length;
      });
    });
    this.from = Int32Array.from(from);
    this.to = Int32Array.from(to);
  }

  /** `day` is p.weekday as a number (worked out once per scan). */
  onDuty(i: number, p: PreparedRequest, day: number): boolean {
    if (this.odd[i] || p.fromMin < 0 || p.toMin < 0 || !(day >= 1 && day <= 7)) {
      const ranges = this.staff[i].workingHours[p.weekday as keyof WeeklyHours];
      return !!ranges && ranges.some((r) => r[0] <= p.from && p.to <= r[1]);
    }
    const end = this.at[i * 7 + day];
    for (let k = this.at[i * 7 + day - 1]; k < end; k++) {
      if (this.from[k] <= p.fromMin && p.toMin <= this.to[k]) return true;
    }
    return false;
  }
}
