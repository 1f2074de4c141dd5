/** When the outbox tries again after nothing got through: 2 s, 4 s, 8 s… up to a minute. */
import type { Timer } from './staff-ports';

export const RETRY_DELAYS_MS = [2_000, 4_000, 8_000, 16_000, 30_000, 60_000];

export class RetryPlan {
  private attempt = 0;
  private handle: unknown = null;

  constructor(private readonly timer: Timer) {}

  /** Plans the next try (replacing one already planned), each wait longer than the last. */
  schedule(run: () => void): void {
    const delay = RETRY_DELAYS_MS[Math.min(this.attempt, RETRY_DELAYS_MS.length - 1)];
    this.attempt += 1;
    this.cancel();
    this.handle = this.timer.set(() => {
      this.handle = null;
      run();
    }, delay);
  }

  cancel(): void {
    if (this.handle !== null) this.timer.clear(this.handle);
    this.handle = null;
  }

  /** Something got through: the next failure waits the shortest time again. */
  reset(): void {
    this.cancel();
    this.attempt = 0;
  }
}
