/**
 * The live hub of one API instance: its own sockets, fed by the change bus that every instance
 * hears. For each change it asks who may hear it (audience.ts, one query) and pushes ids and a
 * status to those sockets; changes are handled one after another, in commit order. A heartbeat
 * pings every socket, drops the silent ones and closes those whose session ended (signed out or
 * expired).
 */
import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import type { Clock } from '@domain';
import type { LivePush } from '@domain/live';
import type { Db } from '../../db';
import type { ChangeBus } from '../../db/bus';
import { findSessionUser } from '../auth/repository';
import { hashToken } from '../auth/tokens';
import { audienceOf } from './audience';
import { LiveConnection, type ConnectionHost } from './connection';
import { parseLiveEvent, type LiveEvent } from './events';
import { sessionsStanding } from './repository';

export interface LiveSettings {
  heartbeatSeconds: number;
  /** Unread bytes a socket may pile up before it is dropped. */
  maxBufferedBytes: number;
}

function toPush(e: LiveEvent): LivePush {
  return e.kind === 'visit'
    ? { type: 'visit', bookingId: e.bookingId, version: e.version, status: e.status }
    : { type: 'eta', bookingId: e.bookingId, at: e.at, distanceKm: e.distanceKm };
}

export class LiveHub implements ConnectionHost {
  private readonly connections = new Set<LiveConnection>();
  private queue: Promise<void> = Promise.resolve();
  private readonly offBus: Array<() => void>;
  private readonly heartbeat: NodeJS.Timeout;
  readonly maxBufferedBytes: number;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    bus: ChangeBus,
    private readonly settings: LiveSettings,
    private readonly log: FastifyBaseLogger,
  ) {
    this.maxBufferedBytes = settings.maxBufferedBytes;
    this.offBus = [bus.subscribe((m) => this.enqueue(m)), bus.onGap(() => this.broadcast({ type: 'resync' }))];
    this.heartbeat = setInterval(() => void this.beat(), settings.heartbeatSeconds * 1000);
    this.heartbeat.unref();
  }

  accept(socket: WebSocket): void {
    this.connections.add(new LiveConnection(socket, this));
  }

  /** Sockets signed in on this instance (for logs and tests). */
  get listening(): number {
    return [...this.connections].filter((c) => c.user).length;
  }

  async authenticate(conn: LiveConnection, token: string): Promise<void> {
    try {
      const tokenHash = hashToken(token);
      const row = await findSessionUser(this.db, tokenHash);
      if (!row) return conn.deny('UNAUTHENTICATED');
      if (new Date(row.expires_at).getTime() <= this.clock.now().getTime()) return conn.deny('SESSION_EXPIRED');
      conn.signedIn({ id: row.id, role: row.role, name: row.name }, tokenHash, this.settings.heartbeatSeconds);
    } catch (err) {
      this.log.error({ err }, 'live: authentication failed');
      conn.socket.close(1011, 'server error');
    }
  }

  remove(conn: LiveConnection): void {
    this.connections.delete(conn);
  }

  tooSlow(conn: LiveConnection): void {
    this.log.warn({ userId: conn.user?.id, buffered: conn.socket.bufferedAmount }, 'live: dropped a client that reads too slowly');
    this.connections.delete(conn);
    conn.socket.terminate();
  }

  close(): void {
    clearInterval(this.heartbeat);
    this.offBus.forEach((off) => off());
  }

  private enqueue(message: unknown): void {
    const event = parseLiveEvent(message);
    if (!event) return;
    this.queue = this.queue.then(() => this.deliver(event)).catch((err: unknown) => this.log.error({ err }, 'live: a change could not be pushed'));
  }

  private async deliver(event: LiveEvent): Promise<void> {
    const listening = [...this.connections].filter((c) => c.user);
    if (listening.length === 0) return;
    const audience = await audienceOf(this.db, event, listening.map((c) => c.user!));
    const text = JSON.stringify(toPush(event));
    for (const conn of this.connections) if (conn.user && audience(conn.user)) conn.sendText(text);
  }

  private broadcast(message: { type: 'resync' }): void {
    for (const conn of this.connections) if (conn.user) conn.send(message);
  }

  private async beat(): Promise<void> {
    for (const conn of this.connections) {
      if (!conn.alive) {
        this.connections.delete(conn);
        conn.socket.terminate();
        continue;
      }
      conn.alive = false;
      conn.socket.ping();
    }
    try {
      await this.closeEndedSessions();
    } catch (err) {
      this.log.warn({ err }, 'live: could not check sessions (will try at the next heartbeat)');
    }
  }

  /** Signed out (session deleted) or past its time: told, and closed. */
  private async closeEndedSessions(): Promise<void> {
    const signedIn = [...this.connections].filter((c) => c.user && c.tokenHash);
    const standing = await sessionsStanding(this.db, [...new Set(signedIn.map((c) => c.tokenHash as string))]);
    const now = this.clock.now().getTime();
    for (const conn of signedIn) {
      const expiresAt = standing.get(conn.tokenHash as string);
      if (!expiresAt) conn.deny('UNAUTHENTICATED');
      else if (expiresAt.getTime() <= now) conn.deny('SESSION_EXPIRED');
    }
  }
}
