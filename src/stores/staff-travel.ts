/**
 * Shares the staff member's location while they travel to a visit (en_route), so the customer
 * sees an estimated arrival: at most one ping every 30 seconds, best effort (a lost ping is
 * replaced by the next one, so pings never go through the outbox). Stops when the visit leaves
 * en_route (arrival) or the person signs out.
 */
import { makeAutoObservable, runInAction } from 'mobx';
import type { Location } from '@domain/schemas-lifecycle';
import type { StaffApi } from '@/api/staff-api';
import type { LocationSource } from './staff-ports';

export const PING_INTERVAL_MS = 30_000;

export class StaffTravel {
  /** The visit whose customer sees our location, while sharing. */
  taskId: string | null = null;
  /** The phone reports its location (permission given, supported here). */
  sharing = false;
  /** Asked, but the phone would not share (no permission, not supported). */
  unavailable = false;
  /** The latest location the phone reported (also sent with 到达). */
  last: Location | null = null;
  private stop: (() => void) | null = null;
  private lastPingAt = -Infinity;
  private generation = 0;

  constructor(
    private readonly api: StaffApi,
    private readonly source: LocationSource | null,
    private readonly now: () => number = () => Date.now(),
  ) {
    makeAutoObservable<StaffTravel, 'api' | 'source' | 'now' | 'stop' | 'lastPingAt' | 'generation'>(
      this,
      { api: false, source: false, now: false, stop: false, lastPingAt: false, generation: false },
      { autoBind: true },
    );
  }

  /** Share for this task (null: stop sharing). Calling it again with the same task changes nothing. */
  async follow(taskId: string | null): Promise<void> {
    if (taskId === this.taskId) return;
    this.halt();
    this.taskId = taskId;
    if (!taskId || !this.source) return;
    // A reading from an earlier trip says nothing about this one.
    this.last = null;
    const generation = this.generation;
    const stop = await this.source.watch((loc) => this.onLocation(generation, loc));
    if (generation !== this.generation) {
      stop?.();
      return;
    }
    runInAction(() => {
      this.stop = stop;
      this.sharing = stop !== null;
      this.unavailable = stop === null;
    });
  }

  /** A location for 到达: the latest one reported, or one reading now. */
  async locationNow(): Promise<Location | null> {
    if (this.last) return this.last;
    return this.source ? this.source.current() : null;
  }

  private onLocation(generation: number, loc: Location): void {
    if (generation !== this.generation || !this.taskId) return;
    this.last = loc;
    const t = this.now();
    if (t - this.lastPingAt < PING_INTERVAL_MS) return;
    this.lastPingAt = t;
    this.api.shareLocation(this.taskId, loc).catch(() => {
      // Weak signal: the next reading tries again (after the interval).
    });
  }

  private halt(): void {
    this.generation += 1;
    this.stop?.();
    this.stop = null;
    this.sharing = false;
    this.unavailable = false;
    this.lastPingAt = -Infinity;
  }

  reset(): void {
    this.halt();
    this.taskId = null;
    this.last = null;
  }
}
