import { makeAutoObservable, runInAction } from 'mobx';
import type { DispatchBooking, DispatchCandidate } from '@domain/schemas-lifecycle';
import { ApiError, messageOf } from '@/api/api-error';
import type { DispatchApi } from '@/api/dispatch-api';
import type { LoadState } from './load-state';
import { CONFLICT_RELOADED } from './dispatch-words';

/** What a dispatcher can do to one booking; each needs a reason and a confirming second tap. */
export type DispatchActionKind = 'reassign' | 'cancel' | 'staffNoShow' | 'unlockDoorCode';

export const ACTION_LABELS: Record<DispatchActionKind, string> = {
  reassign: '改派',
  cancel: '取消预约',
  staffNoShow: '记录服务人员未到',
  unlockDoorCode: '解锁上门码',
};

const DONE_TEXT: Record<DispatchActionKind, string> = {
  reassign: '已改派，正在等这位服务人员确认。',
  cancel: '预约已取消，客户会收到通知。',
  staffNoShow: '已记录服务人员未到。',
  unlockDoorCode: '上门码已解锁，服务人员可以重新输入。',
};

const REASON_MAX = 200;

/**
 * One booking on the console: what the customer sees, the match reasons, the ranked people who
 * could take it, and the hand actions. Every action sends the version on screen; when the visit
 * changed meanwhile (VERSION_CONFLICT) it is reloaded and the dispatcher is told so.
 */
export class DispatchBookingStore {
  id: string | null = null;
  current: DispatchBooking | null = null;
  state: LoadState = 'idle';
  error: string | null = null;
  candidates: DispatchCandidate[] = [];
  candidatesState: LoadState = 'idle';
  candidatesError: string | null = null;
  /** The person chosen for 改派. */
  chosen: string | null = null;
  reasons: Record<DispatchActionKind, string> = { reassign: '', cancel: '', staffNoShow: '', unlockDoorCode: '' };
  /** The action waiting for its confirming tap. */
  asking: DispatchActionKind | null = null;
  acting: DispatchActionKind | null = null;
  actionError: string | null = null;
  /** The visit changed under us: it was reloaded, and the page says so. */
  conflict = false;
  done: { kind: DispatchActionKind; text: string } | null = null;

  constructor(private readonly api: DispatchApi) {
    makeAutoObservable<DispatchBookingStore, 'api'>(this, { api: false }, { autoBind: true });
  }

  get chosenCandidate(): DispatchCandidate | null {
    return this.candidates.find((c) => c.staff.id === this.chosen) ?? null;
  }

  /** Whether the state machine lets a dispatcher do this now (the server computed it). */
  can(kind: DispatchActionKind): boolean {
    const b = this.current?.booking;
    if (!b) return false;
    if (kind === 'reassign') return b.allowedActions.includes('reassign');
    if (kind === 'cancel') return b.allowedActions.includes('cancel');
    if (kind === 'staffNoShow') return b.allowedActions.includes('record_staff_no_show');
    // Only a code locked by too many wrong tries needs unlocking (the server says so).
    return this.current?.doorCodeLocked === true;
  }

  reset(): void {
    this.id = null;
    this.current = null;
    this.state = 'idle';
    this.error = null;
    this.candidates = [];
    this.candidatesState = 'idle';
    this.candidatesError = null;
    this.clearAction();
  }

  private clearAction(): void {
    this.chosen = null;
    this.reasons = { reassign: '', cancel: '', staffNoShow: '', unlockDoorCode: '' };
    this.asking = null;
    this.acting = null;
    this.actionError = null;
    this.conflict = false;
    this.done = null;
  }

  /** Opens a booking afresh (another booking's choices and messages are dropped). */
  async open(id: string): Promise<void> {
    if (this.id !== id) {
      this.reset();
      this.id = id;
    }
    await this.reload();
  }

  async reload(): Promise<void> {
    const id = this.id;
    if (!id) return;
    this.state = 'loading';
    this.candidatesState = 'loading';
    const [booking, candidates] = await Promise.allSettled([this.api.dispatchBooking(id), this.api.dispatchCandidates(id)]);
    runInAction(() => {
      if (booking.status === 'fulfilled') {
        this.current = booking.value;
        this.state = 'ready';
        this.error = null;
      } else {
        this.state = 'error';
        this.error = messageOf(booking.reason);
      }
      if (candidates.status === 'fulfilled') {
        this.candidates = candidates.value;
        this.candidatesState = 'ready';
        this.candidatesError = null;
        if (this.chosen && !this.chosenCandidate) this.chosen = null;
      } else {
        this.candidatesState = 'error';
        this.candidatesError = messageOf(candidates.reason);
      }
    });
  }

  choose(staffId: string | null): void {
    this.chosen = staffId;
    if (this.asking === 'reassign') this.asking = null;
  }

  setReason(kind: DispatchActionKind, text: string): void {
    this.reasons[kind] = text.slice(0, REASON_MAX);
  }

  /** First tap: checks what is missing, then waits for the confirming tap. */
  ask(kind: DispatchActionKind): boolean {
    this.actionError = null;
    this.done = null;
    if (kind === 'reassign' && !this.chosenCandidate) {
      this.actionError = '请先在上面的名单里选一位服务人员。';
      return false;
    }
    if (!this.reasons[kind].trim()) {
      this.actionError = `请先写下${ACTION_LABELS[kind]}的原因（会记在预约的经过里）。`;
      return false;
    }
    this.asking = kind;
    return true;
  }

  stopAsking(): void {
    this.asking = null;
  }

  /** Second tap: sends the action with the version on screen. */
  async confirm(): Promise<boolean> {
    const kind = this.asking;
    const current = this.current;
    if (!kind || !current || this.acting) return false;
    const body = { version: current.booking.version, reason: this.reasons[kind].trim() };
    this.acting = kind;
    this.actionError = null;
    this.conflict = false;
    try {
      const updated = await this.send(kind, current.booking.id, body);
      runInAction(() => {
        this.clearAction();
        this.current = updated;
        this.done = { kind, text: DONE_TEXT[kind] };
      });
      await this.reload();
      return true;
    } catch (err) {
      await this.afterRefusal(err);
      return false;
    } finally {
      runInAction(() => {
        this.acting = null;
      });
    }
  }

  private send(kind: DispatchActionKind, id: string, body: { version: number; reason: string }): Promise<DispatchBooking> {
    if (kind === 'reassign') return this.api.reassign(id, { ...body, staffId: this.chosen as string });
    if (kind === 'cancel') return this.api.dispatchCancel(id, body);
    if (kind === 'staffNoShow') return this.api.recordStaffNoShow(id, body);
    return this.api.unlockDoorCode(id, body);
  }

  /** A stale page is reloaded and said to be; a refused person is dropped from the list by the reload. */
  private async afterRefusal(err: unknown): Promise<void> {
    const code = err instanceof ApiError ? err.code : null;
    const stale = code === 'VERSION_CONFLICT' || code === 'TRANSITION_NOT_ALLOWED';
    runInAction(() => {
      this.asking = null;
      this.conflict = stale;
      this.actionError = stale ? CONFLICT_RELOADED : messageOf(err);
    });
    if (stale || code === 'STAFF_NOT_AVAILABLE') await this.reload();
  }
}
