/**
 * The live channel's client (GET /api/live): one socket while the app wants it, signed in with
 * the first message, kept alive with pings, reconnected with growing, jittered waits when it
 * drops, so a thousand phones coming back after an outage do not all knock at once. The server
 * pushes ids; the stores then read over REST. No Taro here: the socket comes in through `open`.
 */
import { parseLiveServerMessage, type LivePush } from '@domain/live';

export interface SocketHandlers {
  onOpen(): void;
  onMessage(text: string): void;
  /** Closed, refused or failed: the channel decides whether to try again. */
  onClose(): void;
}

export interface LiveSocket {
  send(text: string): void;
  close(): void;
}

/** Opens a WebSocket to `url` (platform/socket.ts: Taro.connectSocket). */
export type OpenSocket = (url: string, handlers: SocketHandlers) => LiveSocket;

export interface LiveTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export type LiveState = 'off' | 'connecting' | 'live' | 'retrying';

export interface LiveListener {
  state(state: LiveState): void;
  push(push: LivePush): void;
  /** Connected again (or the server lost its feed): pushes may have been missed, refresh once. */
  catchUp(): void;
  /** The server refused the session: sign in again (the channel stops). */
  denied(message: string): void;
}

export const FIRST_RETRY_MS = 1_000;
export const MAX_RETRY_MS = 30_000;
/** Until the server says otherwise (`ready.heartbeatSeconds`). */
const DEFAULT_HEARTBEAT_MS = 25_000;

/** The wait before the n-th attempt in a row (0-based): doubling up to a cap, then a random half to all of it. */
export function retryDelay(attempt: number, random: () => number): number {
  const ceiling = Math.min(FIRST_RETRY_MS * 2 ** attempt, MAX_RETRY_MS);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export interface LiveChannelDeps {
  open: OpenSocket;
  url: string;
  timers: LiveTimers;
  random?: () => number;
}

export class LiveChannel {
  private socket: LiveSocket | null = null;
  private token: string | null = null;
  private attempts = 0;
  private retryTimer: unknown = null;
  private pingTimer: unknown = null;
  private heartbeatMs = DEFAULT_HEARTBEAT_MS;
  /** Heard anything since the last ping: a socket silent for a whole beat is taken as dead. */
  private heard = true;
  /** Bumped on every start/stop/reconnect: callbacks of an older socket are ignored. */
  private generation = 0;

  constructor(
    private readonly deps: LiveChannelDeps,
    private readonly listener: LiveListener,
  ) {}

  /** Connects (or keeps the connection) for this session. */
  start(token: string): void {
    if (this.token === token && this.socket) return;
    this.stop();
    this.token = token;
    this.connect();
  }

  /** Closes and stays closed (signed out, or the app went to the background). */
  stop(): void {
    this.token = null;
    this.generation += 1;
    this.clearTimers();
    this.socket?.close();
    this.socket = null;
    this.attempts = 0;
    this.listener.state('off');
  }

  private connect(): void {
    const token = this.token;
    if (!token) return;
    const generation = ++this.generation;
    const mine = (fn: (...a: never[]) => void) => (...args: never[]) => {
      if (generation === this.generation) fn(...args);
    };
    this.listener.state(this.attempts === 0 ? 'connecting' : 'retrying');
    this.socket = this.deps.open(this.deps.url, {
      onOpen: mine(() => this.socket?.send(JSON.stringify({ type: 'auth', token }))),
      onMessage: mine((text: string) => this.onMessage(text)),
      onClose: mine(() => this.dropped()),
    });
  }

  private onMessage(text: string): void {
    this.heard = true;
    const message = parseLiveServerMessage(text);
    if (!message) return;
    switch (message.type) {
      case 'ready':
        this.attempts = 0;
        this.heartbeatMs = Math.max(1, message.heartbeatSeconds) * 1000;
        this.schedulePing();
        this.listener.state('live');
        return this.listener.catchUp();
      case 'denied':
        this.stop();
        return this.listener.denied(message.message);
      case 'resync':
        return this.listener.catchUp();
      case 'pong':
        return;
      default:
        return this.listener.push(message);
    }
  }

  /** Lost (or never reached): try again after a growing, jittered wait. */
  private dropped(): void {
    this.generation += 1;
    this.clearTimers();
    this.socket?.close();
    this.socket = null;
    if (!this.token) return;
    this.listener.state('retrying');
    const wait = retryDelay(this.attempts, this.deps.random ?? Math.random);
    this.attempts += 1;
    this.retryTimer = this.deps.timers.setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, wait);
  }

  /** Every beat: a ping; nothing heard since the last one (not even its pong) means the line is dead. */
  private schedulePing(): void {
    this.pingTimer = this.deps.timers.setTimeout(() => {
      this.pingTimer = null;
      if (!this.heard) return this.dropped();
      this.heard = false;
      this.socket?.send(JSON.stringify({ type: 'ping' }));
      this.schedulePing();
    }, this.heartbeatMs);
  }

  private clearTimers(): void {
    if (this.retryTimer !== null) this.deps.timers.clearTimeout(this.retryTimer);
    if (this.pingTimer !== null) this.deps.timers.clearTimeout(this.pingTimer);
    this.retryTimer = null;
    this.pingTimer = null;
  }
}
