/**
 * The staff member's task board: new offers on top (soonest deadline first), then today's and
 * later visits in time order, as the server sorts them. Confirming and declining go through the
 * outbox like every staff write, so a tap in a lift still counts; the board shows the answer at
 * once and reloads when the server has it.
 */
import { makeAutoObservable, runInAction } from 'mobx';
import type { StaffTaskBoard, StaffTaskCard } from '@domain/schemas-staff';
import { type DECLINE_REASONS } from '@domain/visit-record';
import { messageOf } from '@/api/api-error';
import type { StaffApi } from '@/api/staff-api';
import type { LoadState } from './load-state';
import { ACTION_LABELS } from './staff-labels';
import type { Settled, StaffOutbox } from './staff-outbox';
import { projectTask } from './staff-projection';

export type DeclineReason = (typeof DECLINE_REASONS)[number];

export class StaffStore {
  board: StaffTaskBoard | null = null;
  state: LoadState = 'idle';
  error: string | null = null;
  /** When the board was last shown or refreshed: the time left on offers is counted from here. */
  checkedAt: Date | null = null;
  /** The offer whose decline reasons are open, and what was chosen. */
  declining: string | null = null;
  declineReason: DeclineReason | null = null;
  declineNote = '';

  constructor(
    private readonly api: StaffApi,
    private readonly outbox: StaffOutbox,
    private readonly now: () => Date = () => new Date(),
  ) {
    makeAutoObservable<StaffStore, 'api' | 'outbox' | 'now'>(this, { api: false, outbox: false, now: false }, { autoBind: true });
    outbox.onSettled(this.onSettled);
  }

  private project(list: StaffTaskCard[] | undefined): StaffTaskCard[] {
    return (list ?? []).map((t) => projectTask(t, this.outbox.pendingFor(t.id)));
  }

  /** Offers still to answer, and those just confirmed here (until the board reloads); declined ones leave. */
  get offers(): StaffTaskCard[] {
    return this.project(this.board?.offers).filter((t) => t.status === 'offered' || t.status === 'confirmed');
  }

  get today(): StaffTaskCard[] {
    return this.project(this.board?.today);
  }

  get upcoming(): StaffTaskCard[] {
    return this.project(this.board?.upcoming);
  }

  get isEmpty(): boolean {
    return !!this.board && !this.offers.length && !this.today.length && !this.upcoming.length;
  }

  /** The server's refusal of the last write on this task, if any. */
  refusalOf(id: string): string | null {
    return this.outbox.refusals[id]?.message ?? null;
  }

  isWaiting(id: string): boolean {
    return this.outbox.pendingFor(id).length > 0;
  }

  async load(): Promise<void> {
    this.state = 'loading';
    this.error = null;
    try {
      const board = await this.api.staffBoard();
      runInAction(() => {
        this.board = board;
        this.checkedAt = this.now();
        this.state = 'ready';
      });
    } catch (err) {
      runInAction(() => {
        // The time left is still recounted, so it never reads as more than it is.
        this.checkedAt = this.now();
        this.state = 'error';
        this.error = messageOf(err);
      });
    }
    void this.outbox.flush();
  }

  confirm(task: StaffTaskCard): void {
    if (!task.allowedActions.includes('confirm')) return;
    this.outbox.enqueue(task.id, ACTION_LABELS.confirm, { kind: 'action', action: 'confirm', version: null }, task.version);
  }

  openDecline(id: string | null): void {
    this.declining = id;
    this.declineReason = null;
    this.declineNote = '';
  }

  chooseDeclineReason(reason: DeclineReason): void {
    this.declineReason = reason;
  }

  setDeclineNote(note: string): void {
    this.declineNote = note.slice(0, 100);
  }

  /** The reason tapped, with the optional note after it (the dispatcher reads both). */
  decline(task: StaffTaskCard): boolean {
    if (!task.allowedActions.includes('decline') || !this.declineReason) return false;
    const note = this.declineNote.trim();
    const reason = note ? `${this.declineReason}：${note}` : this.declineReason;
    this.outbox.enqueue(task.id, ACTION_LABELS.decline, { kind: 'action', action: 'decline', reason: reason.slice(0, 200), version: null }, task.version);
    this.openDecline(null);
    return true;
  }

  reset(): void {
    this.board = null;
    this.state = 'idle';
    this.error = null;
    this.checkedAt = null;
    this.openDecline(null);
  }

  /** An answer about a task on the board: show the server's view of it. */
  private onSettled(s: Settled): void {
    if (!this.board || s.entry.write.kind !== 'action') return;
    void this.load();
  }
}
