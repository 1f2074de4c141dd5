import { makeAutoObservable, runInAction } from 'mobx';

/**
 * Following a visit (or the list of visits) while its page is on screen: the one place that
 * decides when to ask the server for news. The live channel tells it (`hear`: a push about what
 * the page shows, or a catch-up after reconnecting) and it asks at once; polling stays as the
 * fallback, slower while the channel is connected (`setLive`).
 *
 * Rules: every 5 s while a page follows and the visit is not finished (every 30 s while pushes
 * arrive); nothing while a change form is open or a change is being saved (`busy`); after a failed
 * check, wait twice as long each time (up to a minute) and say so quietly; stop when the page is
 * hidden or the visit is over. A push heard during a check asks again right after it.
 */
export const POLL_MS = 5_000;
/** While pushes arrive (every status change and every record write at the door is pushed): a safety net only. */
export const LIVE_POLL_MS = 30_000;
export const MAX_BACKOFF_MS = 60_000;

/** What the live channel says (see stores/live-store.ts): a push about a visit, or "catch up". */
export type FollowNews = { type: 'visit' | 'eta'; bookingId: string } | { type: 'catch-up' };

export type FollowTarget = { kind: 'visit'; id: string } | { kind: 'list' };

/** What one check for news came to: news applied (or none), no network, or another failure. */
export type CheckOutcome = 'ok' | 'network' | 'error';

/** Timers and "now", injected so tests drive time by hand. */
export interface TimerPort {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: TimerPort = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** What the follower needs from the store it keeps fresh. */
export interface FollowSource {
  check(target: FollowTarget): Promise<CheckOutcome>;
  /** Nothing more can happen to what the target shows (the visit is in a terminal status). */
  finished(target: FollowTarget): boolean;
  /** The person is in the middle of something: do not refresh under them. */
  busy(target: FollowTarget): boolean;
}

const sameTarget = (a: FollowTarget | null, b: FollowTarget | null) =>
  !!a && !!b && a.kind === b.kind && (a.kind === 'list' || (b.kind === 'visit' && a.id === b.id));

export class VisitFollow {
  target: FollowTarget | null = null;
  /** Checks that failed in a row; each one doubles the wait. */
  failures = 0;
  /** The last check found no network: the page says "正在重试", quietly. */
  retrying = false;
  /** When the last check ended (ms): "2 分钟前更新" is counted from here, so it moves with each check. */
  lastCheckAt: number | null = null;
  /** The live channel is connected: pushes say when to ask, polling only backs them up. */
  live = false;
  private timer: unknown = null;
  /** A check is on its way: a second one would only repeat it. */
  private checking = false;
  /** News came while a check was on its way (it may have read the server just before): ask again after it. */
  private again = false;
  /** Bumped on every start/stop, so an answer for a page no longer followed is dropped. */
  private generation = 0;

  constructor(
    private readonly source: FollowSource,
    private readonly timers: TimerPort = realTimers,
  ) {
    makeAutoObservable<VisitFollow, 'source' | 'timers' | 'timer' | 'checking' | 'again' | 'generation'>(
      this,
      { source: false, timers: false, timer: false, checking: false, again: false, generation: false },
      { autoBind: true },
    );
  }

  /** Whether `target` is the thing being followed now (the page shows the quiet note only then). */
  follows(target: FollowTarget): boolean {
    return sameTarget(this.target, target);
  }

  /** A page that shows `target` came on screen. `now`: check at once (back from the background). */
  start(target: FollowTarget, opts: { now?: boolean } = {}): void {
    if (!this.follows(target)) {
      this.stop();
      this.target = target;
    }
    if (this.source.finished(target)) return this.stop();
    this.schedule(opts.now ? 0 : this.delay());
  }

  /** The page went away or was hidden. With a target: only if that is still the one followed. */
  stop(target?: FollowTarget): void {
    if (target && !this.follows(target)) return;
    this.clearTimer();
    this.generation += 1;
    this.target = null;
    this.failures = 0;
    this.retrying = false;
    this.again = false;
  }

  /** Something says there is news: check now instead of at the next tick. */
  nudge(): void {
    if (!this.target) return;
    if (this.checking) this.again = true;
    else this.schedule(0);
  }

  /** The live channel's news: asks at once when it is about what the page shows. */
  hear(news: FollowNews): void {
    const t = this.target;
    if (!t) return;
    if (news.type === 'catch-up' || t.kind === 'list' || news.bookingId === t.id) this.nudge();
  }

  /** Connected: poll slowly; lost: back to the normal pace from now (not after a long wait already set). */
  setLive(live: boolean): void {
    if (this.live === live) return;
    this.live = live;
    if (!live && this.target && !this.checking) this.schedule(this.delay());
  }

  private delay(): number {
    const pace = this.live ? LIVE_POLL_MS : POLL_MS;
    return this.failures === 0 ? pace : Math.min(pace * 2 ** this.failures, MAX_BACKOFF_MS);
  }

  private schedule(ms: number): void {
    this.clearTimer();
    this.timer = this.timers.setTimeout(() => void this.tick(), ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private async tick(): Promise<void> {
    this.timer = null;
    const target = this.target;
    if (!target) return;
    if (this.checking) return this.schedule(POLL_MS);
    if (this.source.finished(target)) return this.stop();
    if (this.source.busy(target)) return this.schedule(POLL_MS);
    const generation = this.generation;
    this.checking = true;
    const outcome = await this.source.check(target).finally(() => {
      this.checking = false;
    });
    if (generation !== this.generation) return;
    runInAction(() => {
      this.lastCheckAt = this.timers.now();
      this.failures = outcome === 'ok' ? 0 : this.failures + 1;
      this.retrying = outcome === 'network';
    });
    if (this.source.finished(target)) return this.stop();
    this.schedule(this.again ? 0 : this.delay());
    this.again = false;
  }
}
