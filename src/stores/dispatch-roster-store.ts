import { makeAutoObservable, runInAction } from 'mobx';
import type { RosterEntry } from '@domain/schemas-dispatch';
import type { LeaveView } from '@domain/schemas-staff';
import { messageOf } from '@/api/api-error';
import type { DispatchApi } from '@/api/dispatch-api';
import type { LoadState } from './load-state';
import { LeaveForm } from './dispatch-leave-form';
import { ProfileForm } from './dispatch-profile-form';
import { leaveResultText, rosterDate, type RosterDay } from './dispatch-words';

/** What the last action on a person did, shown on their card. */
export interface PersonMessage {
  tone: 'success' | 'error';
  text: string;
}

type Busy = 'leave' | 'profile' | `cancel:${string}`;

/**
 * The staff roster with each person's load on the day picked (today or tomorrow), and what a
 * dispatcher changes about a person: leave (recorded and withdrawn) and the profile only a
 * dispatcher sets. One form is open at a time, on one person.
 */
export class DispatchRosterStore {
  day: RosterDay = 'today';
  roster: RosterEntry[] = [];
  state: LoadState = 'idle';
  error: string | null = null;
  /** The person whose profile or leave form is open. */
  profile: { staffId: string; form: ProfileForm } | null = null;
  leave: { staffId: string; form: LeaveForm } | null = null;
  busy: Record<string, Busy | undefined> = {};
  messages: Record<string, PersonMessage | undefined> = {};
  /** Leave recorded here, for when the roster does not list a person's leave itself. */
  private recorded: Record<string, LeaveView[]> = {};

  constructor(
    private readonly api: DispatchApi,
    private readonly now: () => Date = () => new Date(),
  ) {
    makeAutoObservable<DispatchRosterStore, 'api' | 'now'>(this, { api: false, now: false }, { autoBind: true });
  }

  get date(): string {
    return rosterDate(this.day, this.now());
  }

  /** The person's leave now and to come: the server's list, else what was recorded on this console. */
  leaveOf(entry: RosterEntry): LeaveView[] {
    return entry.leave ?? this.recorded[entry.staff.id] ?? [];
  }

  reset(): void {
    this.day = 'today';
    this.roster = [];
    this.state = 'idle';
    this.error = null;
    this.profile = null;
    this.leave = null;
    this.busy = {};
    this.messages = {};
    this.recorded = {};
  }

  async load(): Promise<void> {
    this.state = 'loading';
    this.error = null;
    try {
      const roster = await this.api.roster(this.date);
      runInAction(() => {
        this.roster = roster;
        this.state = 'ready';
      });
    } catch (err) {
      runInAction(() => {
        this.state = 'error';
        this.error = messageOf(err);
      });
    }
  }

  async pickDay(day: RosterDay): Promise<void> {
    if (day === this.day && this.state === 'ready') return;
    this.day = day;
    await this.load();
  }

  openProfile(entry: RosterEntry): void {
    this.leave = null;
    this.profile = { staffId: entry.staff.id, form: ProfileForm.from(entry) };
  }

  openLeave(staffId: string): void {
    this.profile = null;
    this.leave = { staffId, form: new LeaveForm(this.now) };
  }

  closeForms(): void {
    this.profile = null;
    this.leave = null;
  }

  async saveProfile(): Promise<boolean> {
    const open = this.profile;
    if (!open) return false;
    const checked = open.form.toBody();
    if (!checked.ok) return this.say(open.staffId, 'error', checked.error);
    return this.run(open.staffId, 'profile', async () => {
      const saved = await this.api.updateStaffProfile(open.staffId, checked.body);
      runInAction(() => {
        this.roster = this.roster.map((e) => (e.staff.id === saved.staff.id ? saved : e));
        this.profile = null;
      });
      return '资料已保存。';
    });
  }

  async recordLeave(): Promise<boolean> {
    const open = this.leave;
    if (!open) return false;
    const checked = open.form.toBody();
    if (!checked.ok) return this.say(open.staffId, 'error', checked.error);
    return this.run(open.staffId, 'leave', async () => {
      const result = await this.api.recordLeave(open.staffId, checked.body);
      const view: LeaveView = { id: result.leaveId, ...checked.body, byDispatcher: true, canCancel: Date.parse(checked.body.from) > this.now().getTime() };
      runInAction(() => {
        this.recorded[open.staffId] = [...(this.recorded[open.staffId] ?? []), view];
        this.leave = null;
      });
      await this.load();
      return leaveResultText(result);
    });
  }

  async cancelLeave(staffId: string, leaveId: string): Promise<boolean> {
    return this.run(staffId, `cancel:${leaveId}`, async () => {
      await this.api.cancelStaffLeave(staffId, leaveId);
      runInAction(() => {
        this.recorded[staffId] = (this.recorded[staffId] ?? []).filter((l) => l.id !== leaveId);
      });
      await this.load();
      return '请假已撤回，这段时间可以重新给他（她）派单了。';
    });
  }

  isBusy(staffId: string, what: Busy): boolean {
    return this.busy[staffId] === what;
  }

  private say(staffId: string, tone: PersonMessage['tone'], text: string): boolean {
    this.messages[staffId] = { tone, text };
    return tone === 'success';
  }

  /** One action per person at a time; its outcome is said on the person's card. */
  private async run(staffId: string, what: Busy, action: () => Promise<string>): Promise<boolean> {
    if (this.busy[staffId]) return false;
    this.busy[staffId] = what;
    this.messages[staffId] = undefined;
    try {
      const text = await action();
      return runInAction(() => this.say(staffId, 'success', text));
    } catch (err) {
      return runInAction(() => this.say(staffId, 'error', messageOf(err)));
    } finally {
      runInAction(() => {
        this.busy[staffId] = undefined;
      });
    }
  }
}
