/**
 * The app's live channel over a stand-in socket and a hand-driven clock: it signs in with its
 * first message, hands pushes to whoever subscribed, catches up once on every (re)connect, comes
 * back after a drop with growing, jittered waits, stops for good when the server refuses the
 * session, and is open only while someone is signed in and the app is in the foreground.
 */
import { FIRST_RETRY_MS, MAX_RETRY_MS, retryDelay, type LiveTimers, type OpenSocket, type SocketHandlers } from '@/api/live-socket';
import { LiveStore, type LiveNews } from '@/stores/live-store';

class ManualTimers implements LiveTimers {
  t = 0;
  private seq = 0;
  private due: Array<{ at: number; id: number; fn: () => void }> = [];
  setTimeout = (fn: () => void, ms: number) => {
    this.due.push({ at: this.t + ms, id: ++this.seq, fn });
    return this.seq;
  };
  clearTimeout = (handle: unknown) => {
    this.due = this.due.filter((d) => d.id !== handle);
  };
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const next = [...this.due].sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!next || next.at > end) break;
      this.due = this.due.filter((d) => d !== next);
      this.t = next.at;
      next.fn();
    }
    this.t = end;
  }
}

/** The server's side of each socket the app opened. */
class Sockets {
  opened: Array<{ url: string; sent: string[]; closed: boolean; handlers: SocketHandlers; at: number }> = [];
  constructor(private readonly timers: ManualTimers) {}
  open: OpenSocket = (url, handlers) => {
    const s = { url, sent: [] as string[], closed: false, handlers, at: this.timers.t };
    this.opened.push(s);
    return { send: (text) => s.sent.push(text), close: () => (s.closed = true) };
  };
  get last() {
    return this.opened[this.opened.length - 1];
  }
  /** The server accepts the connection and the sign-in. */
  accept(heartbeatSeconds = 25): void {
    this.last.handlers.onOpen();
    this.last.handlers.onMessage(JSON.stringify({ type: 'ready', heartbeatSeconds }));
  }
  say(message: unknown): void {
    this.last.handlers.onMessage(JSON.stringify(message));
  }
  drop(): void {
    this.last.handlers.onClose();
  }
}

function setup(opts: { random?: () => number } = {}) {
  const timers = new ManualTimers();
  const sockets = new Sockets(timers);
  let token: string | null = 'token-1';
  const ended: string[] = [];
  let foregroundListener: (fg: boolean) => void = () => undefined;
  let network: (online: boolean) => void = () => undefined;
  const live = new LiveStore(
    { token: () => token, sessionEnded: (m) => ended.push(m) },
    { open: sockets.open, url: 'ws://server/api/live', timers, random: opts.random ?? (() => 0.5), watchForeground: (l) => ((foregroundListener = l), () => undefined), watchNetwork: (l) => ((network = l), () => undefined) },
  );
  const news: LiveNews[] = [];
  live.subscribe((n) => news.push(n));
  return { timers, sockets, live, news, ended, setToken: (t: string | null) => (token = t), foreground: (fg: boolean) => foregroundListener(fg), network: (online: boolean) => network(online) };
}

const PUSH = { type: 'visit', bookingId: 'b1', version: 4, status: 'en_route' } as const;

it('signs in with the first message, never in the URL, then hands pushes and one catch-up to subscribers', () => {
  const s = setup();
  s.live.setSignedIn(true);
  expect(s.sockets.opened).toHaveLength(1);
  expect(s.sockets.last.url).toBe('ws://server/api/live');
  expect(s.live.state).toBe('connecting');
  s.sockets.accept();
  expect(s.sockets.last.sent).toEqual([JSON.stringify({ type: 'auth', token: 'token-1' })]);
  expect(s.live.connected).toBe(true);
  s.sockets.say(PUSH);
  s.sockets.say({ type: 'eta', bookingId: 'b1', at: '2030-01-08T06:20:00.000Z', distanceKm: 1.2 });
  s.sockets.say({ type: 'something-newer' });
  expect(s.news).toEqual([{ type: 'catch-up' }, PUSH, { type: 'eta', bookingId: 'b1', at: '2030-01-08T06:20:00.000Z', distanceKm: 1.2 }]);
});

it('reconnects after a drop with doubling, jittered waits up to 30 s, and catches up after each reconnect', () => {
  const s = setup({ random: () => 0 });
  s.live.setSignedIn(true);
  s.sockets.accept();
  const waits: number[] = [];
  for (let i = 0; i < 7; i++) {
    s.sockets.drop();
    expect(s.live.state).toBe('retrying');
    const before = s.sockets.opened.length;
    const from = s.timers.t;
    while (s.sockets.opened.length === before) s.timers.advance(100);
    waits.push(s.sockets.last.at - from);
  }
  // random() = 0: the low end of each window, half of 1 s, 2 s, 4 s … capped at 30 s.
  expect(waits).toEqual([500, 1000, 2000, 4000, 8000, 15000, 15000]);
  s.sockets.accept();
  expect(s.news.filter((n) => n.type === 'catch-up')).toHaveLength(2);
  // Connected again: the next drop waits the shortest time again.
  s.sockets.drop();
  const from = s.timers.t;
  const before = s.sockets.opened.length;
  while (s.sockets.opened.length === before) s.timers.advance(100);
  expect(s.sockets.last.at - from).toBe(500);
});

it('connects at once when the phone is online again, instead of waiting out a long back-off; going offline drops the socket at once', () => {
  const s = setup({ random: () => 1 });
  s.live.setSignedIn(true);
  s.sockets.accept();
  for (let i = 0; i < 6; i++) {
    s.sockets.drop();
    const before = s.sockets.opened.length;
    while (s.sockets.opened.length === before) s.timers.advance(100);
  }
  s.sockets.drop();
  const before = s.sockets.opened.length;
  s.network(true);
  expect(s.sockets.opened.length).toBe(before + 1);
  s.sockets.accept();
  expect(s.live.connected).toBe(true);
  // Already connected: nothing to do.
  s.network(true);
  expect(s.sockets.opened.length).toBe(before + 1);
  // Offline: the socket may look open for a whole heartbeat; it is not trusted, polling takes over.
  s.network(false);
  expect(s.live.connected).toBe(false);
  expect(s.sockets.opened[before].closed).toBe(true);
});

it('spreads the waits: each is between half and all of its window', () => {
  for (let attempt = 0; attempt < 10; attempt++) {
    const window = Math.min(FIRST_RETRY_MS * 2 ** attempt, MAX_RETRY_MS);
    expect(retryDelay(attempt, () => 0)).toBe(window / 2);
    expect(retryDelay(attempt, () => 0.999999)).toBe(window);
  }
});

it('takes a socket that stays silent for a whole heartbeat as dead, and opens another', () => {
  const s = setup();
  s.live.setSignedIn(true);
  s.sockets.accept(10);
  s.timers.advance(10_000);
  expect(s.sockets.last.sent.at(-1)).toBe(JSON.stringify({ type: 'ping' }));
  s.sockets.say({ type: 'pong' });
  s.timers.advance(10_000);
  expect(s.sockets.opened).toHaveLength(1);
  // This ping goes unanswered.
  s.timers.advance(10_000);
  expect(s.sockets.opened[0].closed).toBe(true);
  expect(s.live.state).toBe('retrying');
  s.timers.advance(MAX_RETRY_MS);
  expect(s.sockets.opened).toHaveLength(2);
});

it('stops for good and ends the session when the server refuses it', () => {
  const s = setup();
  s.live.setSignedIn(true);
  s.sockets.last.handlers.onOpen();
  s.sockets.say({ type: 'denied', code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录。' });
  s.sockets.drop();
  s.timers.advance(10 * MAX_RETRY_MS);
  expect(s.sockets.opened).toHaveLength(1);
  expect(s.ended).toEqual(['登录已过期，请重新登录。']);
  expect(s.live.state).toBe('off');
});

it('is open only while signed in and in the foreground; a new session opens a new socket', () => {
  const s = setup();
  s.live.setSignedIn(true);
  s.sockets.accept();
  s.foreground(false);
  expect(s.sockets.opened[0].closed).toBe(true);
  expect(s.live.state).toBe('off');
  s.timers.advance(10 * MAX_RETRY_MS);
  expect(s.sockets.opened).toHaveLength(1);
  s.foreground(true);
  expect(s.sockets.opened).toHaveLength(2);
  s.sockets.accept();
  expect(s.news.filter((n) => n.type === 'catch-up')).toHaveLength(2);

  s.setToken('token-2');
  s.live.setSignedIn(true);
  expect(s.sockets.opened[1].closed).toBe(true);
  s.sockets.accept();
  expect(s.sockets.last.sent[0]).toBe(JSON.stringify({ type: 'auth', token: 'token-2' }));
  s.setToken(null);
  s.live.setSignedIn(false);
  expect(s.sockets.last.closed).toBe(true);
  expect(s.live.connected).toBe(false);
});
