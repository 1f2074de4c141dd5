/**
 * A live-channel client for tests: a real WebSocket (the `ws` package) to GET /api/live that
 * signs in with its first message and keeps every message it hears, in order.
 *
 *   const live = await LiveClient.connect(server.baseUrl, token);     // resolves on `ready`
 *   await live.next((m) => m.type === 'visit' && m.version === 3);
 */
import WebSocket from 'ws';
import { parseLiveServerMessage, type LiveServerMessage } from '@domain/live';

/** How long a test waits for a message before it fails (a deadline, not a measurement). */
const WAIT_MS = 15_000;

export class LiveClient {
  readonly heard: LiveServerMessage[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: Array<() => void> = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const m = parseLiveServerMessage(String(data));
      if (m) this.heard.push(m);
      this.waiters.forEach((w) => w());
    });
    this.closed = new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
  }

  /** Opens the socket; with a token, signs in and waits for `ready` or `denied`. */
  static async connect(baseUrl: string, token?: string): Promise<LiveClient> {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/live`);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const client = new LiveClient(socket);
    if (token !== undefined) {
      client.send({ type: 'auth', token });
      await client.next((m) => m.type === 'ready' || m.type === 'denied');
    }
    return client;
  }

  send(message: unknown): void {
    this.socket.send(JSON.stringify(message));
  }

  /** The first message heard (so far or later) that matches. */
  next(match: (m: LiveServerMessage) => boolean, what = 'a matching message'): Promise<LiveServerMessage> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.heard.find(match);
        if (!found) return false;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(found);
        return true;
      };
      const waiter = () => void check();
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`live client: no ${what} within ${WAIT_MS} ms; heard ${JSON.stringify(this.heard)}`));
      }, WAIT_MS);
      if (!check()) this.waiters.push(waiter);
    });
  }

  /** The pushes about one visit, in the order heard. */
  about(bookingId: string): LiveServerMessage[] {
    return this.heard.filter((m) => (m.type === 'visit' || m.type === 'eta') && m.bookingId === bookingId);
  }

  /** Waits until the push of this version of the visit was heard (visit pushes only). */
  hears(bookingId: string, version: number): Promise<LiveServerMessage> {
    return this.next((m) => m.type === 'visit' && m.bookingId === bookingId && m.version === version, `push of ${bookingId} v${version}`);
  }

  close(): void {
    this.socket.close();
  }
}
