/**
 * One task on the day: the server's detail (task, record, files) with the writes still waiting in
 * the outbox applied, and every tap of the task page. Taps never wait for the network: each one
 * goes into the outbox (with its Idempotency-Key) and shows at once, so the staff member can go
 * on where the signal is weak. What may be done comes from the task's `allowedActions`.
 */
import { makeAutoObservable, reaction, runInAction } from 'mobx';
import type { BookingFile } from '@domain/schemas-booking';
import type { StaffTaskCard, StaffTaskDetail } from '@domain/schemas-staff';
import { messageOf } from '@/api/api-error';
import type { StaffActionName, StaffApi } from '@/api/staff-api';
import type { LoadState } from './load-state';
import { ACTION_LABELS } from './staff-labels';
import type { Settled, StaffOutbox } from './staff-outbox';
import { ACTION_OF, patchDetail, projectRecord, projectTask, type ProjectedRecord } from './staff-projection';
import type { StaffTravel } from './staff-travel';

export const DOOR_CODE_PATTERN = /^[0-9]{6}$/;

export interface TaskStoreDeps {
  api: StaffApi;
  outbox: StaffOutbox;
  travel: StaffTravel;
  /** The last task opened, kept on the phone so it still shows after a restart without signal. */
  cache?: TaskCache;
}

export interface TaskCache {
  load(taskId: string): StaffTaskDetail | null;
  save(detail: StaffTaskDetail): void;
}

export class StaffTaskStore {
  id: string | null = null;
  /** The server's detail, patched with the answers to our writes. */
  detail: StaffTaskDetail | null = null;
  state: LoadState = 'idle';
  error: string | null = null;
  /** Typed at the door: the customer's 6-digit code. */
  doorCode = '';
  /** A problem with what was typed or tapped, before anything is queued. */
  formError: string | null = null;
  /** Getting a location for 到达. */
  busy: 'arrive' | null = null;
  /** A photo was uploaded: the server's blockers are out of date until the next load. */
  private stale = false;

  constructor(private readonly deps: TaskStoreDeps) {
    makeAutoObservable<StaffTaskStore, 'deps'>(this, { deps: false }, { autoBind: true });
    deps.outbox.onSettled(this.onSettled);
    // Share the location exactly while this visit is on its way (stops on arrival).
    reaction(
      () => (this.task?.status === 'en_route' ? this.id : null),
      (id) => void deps.travel.follow(id),
    );
  }

  get task(): StaffTaskCard | null {
    return this.detail ? projectTask(this.detail.task, this.waiting) : null;
  }

  get record(): ProjectedRecord | null {
    const { detail, task } = this;
    return detail && task ? projectRecord(task, detail.record, this.waiting, this.stale) : null;
  }

  /** This task's writes still waiting to be sent, oldest first. */
  get waiting() {
    return this.id ? this.deps.outbox.pendingFor(this.id) : [];
  }

  get refusal() {
    return this.id ? (this.deps.outbox.refusals[this.id] ?? null) : null;
  }

  get customerPhotos(): BookingFile[] {
    return (this.detail?.files ?? []).filter((f) => f.kind === 'customer');
  }

  staffPhotosOf(itemKey: string): BookingFile[] {
    return (this.detail?.files ?? []).filter((f) => f.kind === 'staff' && f.itemKey === itemKey);
  }

  can(action: StaffActionName): boolean {
    return !!this.task?.allowedActions.includes(ACTION_OF[action]);
  }

  /** Opens a task (a different one forgets what was typed for the last). */
  async open(id: string): Promise<void> {
    if (id !== this.id) {
      this.id = id;
      this.detail = null;
      this.doorCode = '';
      this.formError = null;
      this.stale = false;
    }
    await this.load();
  }

  async load(): Promise<void> {
    const id = this.id;
    if (!id) return;
    this.state = 'loading';
    this.error = null;
    try {
      const detail = await this.deps.api.staffTask(id);
      runInAction(() => {
        if (id !== this.id) return;
        this.detail = detail;
        this.stale = false;
        this.state = 'ready';
      });
      this.deps.cache?.save(detail);
    } catch (err) {
      runInAction(() => {
        if (id !== this.id) return;
        // No signal after a restart: what the phone last knew, with the waiting writes on top.
        if (!this.detail) this.detail = this.deps.cache?.load(id) ?? null;
        this.state = 'error';
        this.error = messageOf(err);
      });
    }
    // A page shown again is a good moment to try what is still waiting.
    void this.deps.outbox.flush();
  }

  setDoorCode(value: string): void {
    this.doorCode = value.replace(/\D/g, '').slice(0, 6);
    this.formError = null;
  }

  depart(): void {
    this.act('depart');
  }

  /** 到达: the code the customer shows, and where the phone is now. */
  async arrive(): Promise<void> {
    if (!DOOR_CODE_PATTERN.test(this.doorCode)) {
      this.formError = '请输入客户手机上显示的 6 位上门码。';
      return;
    }
    this.busy = 'arrive';
    const location = await this.deps.travel.locationNow();
    runInAction(() => {
      this.busy = null;
      this.act('arrive', { doorCode: this.doorCode, location: location ?? undefined });
      this.doorCode = '';
    });
  }

  startService(): void {
    this.act('start');
  }

  complete(): void {
    if (this.record?.record.blockers.length) return;
    this.act('complete');
  }

  noShow(reason: string): void {
    this.act('no-show', { reason });
  }

  private act(action: StaffActionName, extra: { reason?: string; doorCode?: string; location?: { lat: number; lng: number } } = {}): void {
    const task = this.task;
    if (!task || !this.can(action)) return;
    this.formError = null;
    this.deps.outbox.enqueue(task.id, ACTION_LABELS[action], { kind: 'action', action, version: null, ...extra }, task.version);
  }

  dismissRefusal(): void {
    if (this.id) this.deps.outbox.dismissRefusal(this.id);
  }

  reset(): void {
    this.id = null;
    this.detail = null;
    this.state = 'idle';
    this.error = null;
    this.doorCode = '';
    this.formError = null;
    this.busy = null;
    this.stale = false;
  }

  /** The server's answers replace our guesses; a refusal reloads what is true now. */
  private onSettled(s: Settled): void {
    const detail = this.detail;
    if (!detail || s.entry.taskId !== detail.task.id) return;
    if ('refused' in s) {
      void this.load();
      return;
    }
    const patched = patchDetail(detail, s.sent);
    this.detail = patched.detail;
    this.stale = this.stale || patched.stale;
    if (patched.reload) void this.load();
    // All through: take the server's whole picture (blockers, timeline of the record).
    if (this.stale && !this.waiting.length) void this.load();
  }
}
