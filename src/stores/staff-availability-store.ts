/**
 * The staff member's own availability: weekly working hours (a preset per weekday, by tap), days
 * off and leave (add with dates and a reason; withdraw what has not started), and the service
 * area (district and radius, by tap). Skills and certificates are the dispatcher's to set: shown
 * only. Each change is saved at once and the server's answer is shown.
 */
import { makeAutoObservable, runInAction, toJS } from 'mobx';
import type { StaffAvailability } from '@domain/schemas-staff';
import { chinaDate, chinaInstant } from '@domain/time';
import { messageOf } from '@/api/api-error';
import type { StaffApi } from '@/api/staff-api';
import type { LoadState } from './load-state';

export type Weekday = '1' | '2' | '3' | '4' | '5' | '6' | '7';
export const WEEKDAYS: Weekday[] = ['1', '2', '3', '4', '5', '6', '7'];

export const DAY_PRESETS = {
  off: { label: '休息', ranges: [] as Array<[string, string]> },
  morning: { label: '上午', ranges: [['08:00', '12:00']] as Array<[string, string]> },
  afternoon: { label: '下午', ranges: [['13:00', '18:00']] as Array<[string, string]> },
  both: { label: '上午和下午', ranges: [['08:00', '12:00'], ['13:00', '18:00']] as Array<[string, string]> },
  full: { label: '全天', ranges: [['08:00', '18:00']] as Array<[string, string]> },
} as const;
export type DayPreset = keyof typeof DAY_PRESETS;
export const PRESET_ORDER: DayPreset[] = ['off', 'morning', 'afternoon', 'both', 'full'];

export const LEAVE_REASONS = ['事假', '病假', '年假', '培训', '其他'] as const;
export const LEAVE_LENGTHS = [1, 2, 3, 5, 7] as const;
export const RADIUS_CHOICES = [3, 5, 8, 10, 15, 20] as const;

/** Which preset a day's ranges are, or null for hours set otherwise (by the dispatcher). */
export function presetOf(ranges: Array<[string, string]> | undefined): DayPreset | null {
  const key = JSON.stringify(ranges ?? []);
  return PRESET_ORDER.find((p) => JSON.stringify(DAY_PRESETS[p].ranges) === key) ?? null;
}

export class StaffAvailabilityStore {
  data: StaffAvailability | null = null;
  state: LoadState = 'idle';
  error: string | null = null;
  /** What is being saved right now ("hours", "area", "leave", or a leave id being withdrawn). */
  saving: string | null = null;
  saveError: string | null = null;
  /** The last thing saved, for a short "已保存" line. */
  saved: string | null = null;
  leaveStart: string | null = null;
  leaveDays: number = 1;
  leaveReason: (typeof LEAVE_REASONS)[number] | null = null;

  constructor(
    private readonly api: StaffApi,
    private readonly now: () => Date = () => new Date(),
  ) {
    makeAutoObservable<StaffAvailabilityStore, 'api' | 'now'>(this, { api: false, now: false }, { autoBind: true });
  }

  async load(): Promise<void> {
    this.state = 'loading';
    this.error = null;
    try {
      const data = await this.api.availability();
      runInAction(() => {
        this.data = data;
        this.state = 'ready';
      });
    } catch (err) {
      runInAction(() => {
        this.state = 'error';
        this.error = messageOf(err);
      });
    }
  }

  presetFor(day: Weekday): DayPreset | null {
    return presetOf(this.data?.workingHours[day]);
  }

  /** The next 14 days (China dates) a leave can start on. */
  get leaveStartChoices(): string[] {
    const start = this.now().getTime();
    return Array.from({ length: 14 }, (_, i) => chinaDate(start + i * 86_400_000));
  }

  setDay(day: Weekday, preset: DayPreset): Promise<boolean> {
    // Plain arrays, not MobX proxies, go to the server.
    const workingHours = { ...toJS(this.data?.workingHours ?? {}), [day]: DAY_PRESETS[preset].ranges.map(([a, b]) => [a, b] as [string, string]) };
    return this.save('hours', () => this.api.saveWorkingHours({ workingHours }));
  }

  setArea(district: string | null, radiusKm: number | null): Promise<boolean> {
    const area = this.data?.area;
    if (!area) return Promise.resolve(false);
    return this.save('area', () => this.api.saveArea({ district: district ?? area.district, radiusKm: radiusKm ?? area.radiusKm }));
  }

  chooseLeaveStart(date: string): void {
    this.leaveStart = date;
  }
  chooseLeaveDays(days: number): void {
    this.leaveDays = days;
  }
  chooseLeaveReason(reason: (typeof LEAVE_REASONS)[number]): void {
    this.leaveReason = reason;
  }

  /** From the start of the first day to the start of the day after the last, China time. */
  async addLeave(): Promise<boolean> {
    if (!this.leaveStart || !this.leaveReason) {
      this.saveError = '请先点选从哪天开始，再点选原因。';
      return false;
    }
    const from = chinaInstant(this.leaveStart, '00:00');
    const to = new Date(from.getTime() + this.leaveDays * 86_400_000);
    const ok = await this.save('leave', () => this.api.addLeave({ from: from.toISOString(), to: to.toISOString(), reason: this.leaveReason as string }));
    if (ok) {
      runInAction(() => {
        this.leaveStart = null;
        this.leaveReason = null;
        this.leaveDays = 1;
      });
    }
    return ok;
  }

  cancelLeave(leaveId: string): Promise<boolean> {
    return this.save(leaveId, () => this.api.cancelLeave(leaveId));
  }

  reset(): void {
    this.data = null;
    this.state = 'idle';
    this.error = null;
    this.saving = null;
    this.saveError = null;
    this.saved = null;
    this.leaveStart = null;
    this.leaveReason = null;
    this.leaveDays = 1;
  }

  private async save(what: string, call: () => Promise<StaffAvailability>): Promise<boolean> {
    if (this.saving) return false;
    this.saving = what;
    this.saveError = null;
    this.saved = null;
    try {
      const data = await call();
      runInAction(() => {
        this.data = data;
        this.saved = what;
      });
      return true;
    } catch (err) {
      runInAction(() => (this.saveError = messageOf(err)));
      return false;
    } finally {
      runInAction(() => (this.saving = null));
    }
  }
}
