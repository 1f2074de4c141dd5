import { makeAutoObservable, runInAction } from 'mobx';
import type { ServiceLevels } from '@domain/schemas-dispatch';
import type { DispatchBooking, DispatchQueue, RematchResult } from '@domain/schemas-lifecycle';
import { messageOf } from '@/api/api-error';
import type { DispatchApi } from '@/api/dispatch-api';
import type { LoadState } from './load-state';
import { minutesLeft, rematchResultText, timeLeftText } from './dispatch-words';

type OpenComplaint = ServiceLevels['openComplaints'][number];

/** An offer nobody answered yet, with how long it has left (as read at the last load). */
export interface ExpiringOffer {
  item: DispatchBooking;
  timeLeft: string;
  /** Ten minutes or less: the console marks it in words. */
  urgent: boolean;
}

const URGENT_MINUTES = 10;

/**
 * The console's home: what is at risk (unmatched bookings, offers about to lapse), the day's
 * service levels, and rematching the whole backlog at once. The two halves load side by side and
 * fail on their own: a missing service-level answer never hides the queue.
 */
export class DispatchConsoleStore {
  queue: DispatchQueue | null = null;
  queueState: LoadState = 'idle';
  queueError: string | null = null;
  levels: ServiceLevels | null = null;
  levelsState: LoadState = 'idle';
  levelsError: string | null = null;
  /** When the data on screen was read: "time left" is worked out from this instant. */
  loadedAt: Date | null = null;
  rematching = false;
  rematchResult: RematchResult | null = null;
  rematchError: string | null = null;

  constructor(
    private readonly api: DispatchApi,
    private readonly now: () => Date = () => new Date(),
  ) {
    makeAutoObservable<DispatchConsoleStore, 'api' | 'now'>(this, { api: false, now: false }, { autoBind: true });
  }

  get unmatched(): DispatchBooking[] {
    return this.queue?.unmatched ?? [];
  }

  /** Soonest deadline first (as the server sends them), each with its time left in words. */
  get expiringOffers(): ExpiringOffer[] {
    const at = this.loadedAt ?? this.now();
    return (this.queue?.expiringOffers ?? []).map((item) => ({
      item,
      timeLeft: timeLeftText(item.offerExpiresAt, at),
      urgent: minutesLeft(item.offerExpiresAt, at) <= URGENT_MINUTES,
    }));
  }

  /** Overdue complaints first, then by the deadline that applies next. */
  get complaints(): OpenComplaint[] {
    const next = (c: OpenComplaint) => Date.parse(c.status === 'received' ? c.internalDeadline : c.answerDeadline);
    return [...(this.levels?.openComplaints ?? [])].sort((a, b) => Number(b.overdue) - Number(a.overdue) || next(a) - next(b));
  }

  get rematchText(): string | null {
    return this.rematchResult ? rematchResultText(this.rematchResult) : null;
  }

  reset(): void {
    this.queue = null;
    this.queueState = 'idle';
    this.queueError = null;
    this.levels = null;
    this.levelsState = 'idle';
    this.levelsError = null;
    this.loadedAt = null;
    this.rematching = false;
    this.rematchResult = null;
    this.rematchError = null;
  }

  /** Both halves at once; what was shown stays on screen while it reloads or when it fails. */
  async load(): Promise<void> {
    this.queueState = 'loading';
    this.levelsState = 'loading';
    const [queue, levels] = await Promise.allSettled([this.api.dispatchQueue(), this.api.serviceLevels()]);
    runInAction(() => {
      this.loadedAt = this.now();
      if (queue.status === 'fulfilled') {
        this.queue = queue.value;
        this.queueState = 'ready';
        this.queueError = null;
      } else {
        this.queueState = 'error';
        this.queueError = messageOf(queue.reason);
      }
      if (levels.status === 'fulfilled') {
        this.levels = levels.value;
        this.levelsState = 'ready';
        this.levelsError = null;
      } else {
        this.levelsState = 'error';
        this.levelsError = messageOf(levels.reason);
      }
    });
  }

  /** 全部重新匹配: every unmatched visit still to come is tried again together, then the queue reloads. */
  async rematchAll(): Promise<boolean> {
    if (this.rematching) return false;
    this.rematching = true;
    this.rematchError = null;
    this.rematchResult = null;
    try {
      const result = await this.api.rematchBacklog();
      runInAction(() => {
        this.rematchResult = result;
      });
      await this.load();
      return true;
    } catch (err) {
      runInAction(() => {
        this.rematchError = messageOf(err);
      });
      return false;
    } finally {
      runInAction(() => {
        this.rematching = false;
      });
    }
  }
}
