/**
 * One app on the live channel: it must say who it is (`auth`, within LIVE_AUTH_TIMEOUT_MS) before
 * it hears anything; then it hears what the hub decides it may. A socket that stops answering
 * pings, or reads too slowly, is dropped: the app reconnects and catches up over REST.
 */
import type { WebSocket } from 'ws';
import { ERROR_CATALOG } from '@domain';
import { LIVE_AUTH_TIMEOUT_MS, LIVE_CLOSE, parseLiveClientMessage, type LiveServerMessage } from '@domain/live';
import type { AuthUser } from '../../types';

export type DenyCode = 'UNAUTHENTICATED' | 'SESSION_EXPIRED';

/** What a connection needs from the hub it belongs to. */
export interface ConnectionHost {
  readonly maxBufferedBytes: number;
  authenticate(conn: LiveConnection, token: string): Promise<void>;
  remove(conn: LiveConnection): void;
  tooSlow(conn: LiveConnection): void;
}

export class LiveConnection {
  user: AuthUser | null = null;
  tokenHash: string | null = null;
  /** Answered a ping (or said anything) since the last heartbeat. */
  alive = true;
  private authenticating = false;
  private readonly authTimer: NodeJS.Timeout;

  constructor(
    readonly socket: WebSocket,
    private readonly host: ConnectionHost,
  ) {
    socket.on('message', (data, isBinary) => this.onMessage(isBinary ? null : String(data)));
    socket.on('pong', () => (this.alive = true));
    socket.on('close', () => {
      clearTimeout(this.authTimer);
      host.remove(this);
    });
    this.authTimer = setTimeout(() => {
      if (!this.user) socket.close(LIVE_CLOSE.authTimeout, 'auth timeout');
    }, LIVE_AUTH_TIMEOUT_MS);
  }

  signedIn(user: AuthUser, tokenHash: string, heartbeatSeconds: number): void {
    clearTimeout(this.authTimer);
    this.user = user;
    this.tokenHash = tokenHash;
    this.send({ type: 'ready', heartbeatSeconds });
  }

  /** Tells the app why (the browser's socket does not pass the close code on), then closes. */
  deny(code: DenyCode): void {
    this.send({ type: 'denied', code, message: ERROR_CATALOG[code].message });
    this.user = null;
    this.socket.close(LIVE_CLOSE.unauthenticated, code);
  }

  send(message: LiveServerMessage): void {
    this.sendText(JSON.stringify(message));
  }

  /** Drops a client whose unread backlog passed the limit rather than buffering for it without bound. */
  sendText(text: string): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount + text.length > this.host.maxBufferedBytes) return this.host.tooSlow(this);
    this.socket.send(text);
  }

  private onMessage(text: string | null): void {
    this.alive = true;
    const message = text === null ? null : parseLiveClientMessage(text);
    if (!message) {
      // Not our protocol: nothing to talk about (an app that is signed in is told nothing more).
      if (!this.user) this.socket.close(LIVE_CLOSE.unauthenticated, 'expected auth');
      return;
    }
    if (message.type === 'ping') return this.send({ type: 'pong' });
    if (this.user || this.authenticating) return;
    this.authenticating = true;
    void this.host.authenticate(this, message.token).finally(() => (this.authenticating = false));
  }
}
