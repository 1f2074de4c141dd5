import { makeAutoObservable, reaction } from 'mobx';
import type { LivePush } from '@domain/live';
import { LiveChannel, type LiveState, type LiveTimers, type OpenSocket } from '@/api/live-socket';

/**
 * Being told, not asking: the live channel is open while someone is signed in and the app is in
 * the foreground. Other stores subscribe: each push (a visit changed, the arrival estimate moved)
 * and, after every (re)connect, one `catch-up` (pushes may have been missed meanwhile), after
 * which they refresh what they show through REST. Polling stays as the fallback, slower while
 * `connected`.
 */
export type LiveNews = LivePush | { type: 'catch-up' };

/** The phone's side: the socket, where the server is, whether the app is on screen. */
export interface LivePorts {
  open: OpenSocket;
  url: string;
  /** Calls back on every foreground/background change; returns how to stop listening. */
  watchForeground?(listener: (foreground: boolean) => void): () => void;
  /** Calls back on every change of connectivity (online or not). */
  watchNetwork?(listener: (online: boolean) => void): () => void;
  timers?: LiveTimers;
  random?: () => number;
}

export interface LiveStoreDeps {
  /** The session token to sign in with (null: signed out). */
  token(): string | null;
  /** The server refused the session over the socket: the app signs out, as on a 401. */
  sessionEnded(message: string): void;
}

const realTimers: LiveTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class LiveStore {
  state: LiveState = 'off';
  foreground = true;
  private signedIn = false;
  private readonly subscribers = new Set<(news: LiveNews) => void>();
  private readonly channel: LiveChannel | null;

  constructor(
    private readonly deps: LiveStoreDeps,
    ports: LivePorts | null,
  ) {
    this.channel = ports
      ? new LiveChannel(
          { open: ports.open, url: ports.url, timers: ports.timers ?? realTimers, random: ports.random },
          {
            state: (s) => this.setState(s),
            push: (p) => this.tell(p),
            catchUp: () => this.tell({ type: 'catch-up' }),
            denied: (message) => deps.sessionEnded(message),
          },
        )
      : null;
    makeAutoObservable<LiveStore, 'deps' | 'channel' | 'subscribers'>(this, { deps: false, channel: false, subscribers: false }, { autoBind: true });
    ports?.watchForeground?.((fg) => this.setForeground(fg));
    ports?.watchNetwork?.((online) => this.networkChanged(online));
  }

  /**
   * Online again: connect at once rather than wait out the back-off. Offline: an open socket may
   * not notice for a whole heartbeat, so start over now (the followers go back to polling pace).
   */
  networkChanged(online: boolean): void {
    if (!online || this.state !== 'live') this.apply(true);
  }

  /** Pushes arrive now: the stores' polling can slow down. */
  get connected(): boolean {
    return this.state === 'live';
  }

  /** Hears every push and catch-up until the returned function is called. */
  subscribe(fn: (news: LiveNews) => void): () => void {
    this.subscribers.add(fn);
    return () => void this.subscribers.delete(fn);
  }

  /** Someone signed in (a new token), or nobody is. */
  setSignedIn(signedIn: boolean): void {
    this.signedIn = signedIn;
    this.apply(true);
  }

  setForeground(foreground: boolean): void {
    this.foreground = foreground;
    this.apply(false);
  }

  private apply(newSession: boolean): void {
    const token = this.signedIn && this.foreground ? this.deps.token() : null;
    if (!this.channel) return;
    if (!token) return this.channel.stop();
    if (newSession) this.channel.stop();
    this.channel.start(token);
  }

  private setState(state: LiveState): void {
    this.state = state;
  }

  private tell(news: LiveNews): void {
    this.subscribers.forEach((fn) => fn(news));
  }
}

/** What wireLive needs of the session and of the visit follower. */
interface SessionView {
  readonly status: string;
  readonly user: { id: string } | null;
}
interface Follower {
  hear(news: LiveNews): void;
  setLive(live: boolean): void;
}

/**
 * Open while someone is signed in (another person: another connection); the customer's visit
 * follower hears every push and slows its polling while the channel is connected.
 */
export function wireLive(live: LiveStore, session: SessionView, follow: Follower): void {
  reaction(() => (session.status === 'signedIn' ? (session.user?.id ?? null) : null), (id) => live.setSignedIn(id !== null), { fireImmediately: true });
  live.subscribe((news) => follow.hear(news));
  reaction(() => live.connected, (connected) => follow.setLive(connected), { fireImmediately: true });
}
