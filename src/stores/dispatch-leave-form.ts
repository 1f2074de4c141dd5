import { makeAutoObservable } from 'mobx';
import { chinaDate, chinaTime } from '@domain/time';
import type { StaffLeaveBody } from '@domain/schemas-lifecycle';
import type { FormResult } from './dispatch-profile-form';
import { typedInstant } from './dispatch-words';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Leave as a dispatcher records it (illness today, a day off tomorrow): from and to as China
 * day and clock time, and a reason. Two quick fills cover the usual cases; every field stays
 * editable.
 */
export class LeaveForm {
  fromDate = '';
  fromTime = '';
  toDate = '';
  toTime = '';
  reason = '';

  constructor(private readonly now: () => Date) {
    makeAutoObservable<LeaveForm, 'now'>(this, { now: false }, { autoBind: true });
    this.restOfToday();
  }

  set(field: 'fromDate' | 'fromTime' | 'toDate' | 'toTime' | 'reason', value: string): void {
    this[field] = value;
  }

  /** From the next whole hour until midnight (falling ill during the day). */
  restOfToday(): void {
    const now = this.now();
    const next = chinaTime(now).add(1, 'hour').startOf('hour');
    this.fromDate = next.format('YYYY-MM-DD');
    this.fromTime = next.format('HH:mm');
    this.toDate = chinaDate(now.getTime() + DAY_MS);
    this.toTime = '00:00';
  }

  /** All of tomorrow. */
  tomorrow(): void {
    const now = this.now();
    this.fromDate = chinaDate(now.getTime() + DAY_MS);
    this.fromTime = '00:00';
    this.toDate = chinaDate(now.getTime() + 2 * DAY_MS);
    this.toTime = '00:00';
  }

  toBody(): FormResult<StaffLeaveBody> {
    const from = typedInstant(this.fromDate, this.fromTime);
    const to = typedInstant(this.toDate, this.toTime);
    if (!from || !to) return { ok: false, error: '请把开始和结束时间写完整，例如 2025-03-02 和 09:00。' };
    if (to.getTime() <= from.getTime()) return { ok: false, error: '结束时间要晚于开始时间。' };
    const reason = this.reason.trim();
    if (!reason) return { ok: false, error: '请写下请假原因，例如“生病”。' };
    return { ok: true, body: { from: from.toISOString(), to: to.toISOString(), reason: reason.slice(0, 200) } };
  }
}
