/**
 * The customer's visit page told by the live channel: a push about the visit shown is read at
 * once, pushes about other visits are not, every (re)connect reads once, and polling slows down
 * (never stops) while pushes arrive. Stand-in socket and API, hand-driven clock.
 */
import type { BookingView } from '@domain/schemas';
import type { OpenSocket, SocketHandlers } from '@/api/live-socket';
import { LiveStore, wireLive } from '@/stores/live-store';
import { LIVE_POLL_MS, POLL_MS, type TimerPort } from '@/stores/visit-follow';
import { VisitsStore } from '@/stores/visits-store';
import { FakeApi, booking } from './fake-api';

const ID = 'b1000000-0000-4000-8000-000000000001';
const OTHER = 'b1000000-0000-4000-8000-000000000002';

class ManualTimers implements TimerPort {
  private t = 0;
  private seq = 0;
  private due: Array<{ at: number; id: number; fn: () => void }> = [];
  now = () => this.t;
  setTimeout = (fn: () => void, ms: number) => {
    this.due.push({ at: this.t + ms, id: ++this.seq, fn });
    return this.seq;
  };
  clearTimeout = (handle: unknown) => {
    this.due = this.due.filter((d) => d.id !== handle);
  };
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      const next = [...this.due].sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!next || next.at > end) break;
      this.due = this.due.filter((d) => d !== next);
      this.t = next.at;
      next.fn();
      await settle();
    }
    this.t = end;
  }
}
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** An API whose next answer about the visit can be held back (a check on its way). */
class HeldApi extends FakeApi {
  private gate: Promise<void> | null = null;
  private open: (() => void) | null = null;
  hold(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }
  release(): void {
    this.open?.();
    this.gate = null;
  }
  /** Reads the server now, answers when released: the answer may be out of date by then. */
  override async booking(id: string): Promise<BookingView> {
    const gate = this.gate;
    const answer = await super.booking(id);
    if (gate) await gate;
    return answer;
  }
}

async function setup() {
  const api = new HeldApi();
  api.bookingsList = [booking({ id: ID, status: 'confirmed', statusLabel: '已确认', version: 3 }), booking({ id: OTHER, version: 1 })];
  const timers = new ManualTimers();
  const visits = new VisitsStore(api, timers);
  let socket: SocketHandlers | null = null;
  const open: OpenSocket = (_url, handlers) => ((socket = handlers), { send: () => undefined, close: () => undefined });
  const live = new LiveStore({ token: () => 'token', sessionEnded: () => undefined }, { open, url: 'ws://x/api/live', timers });
  wireLive(live, { status: 'signedIn', user: { id: 'u1' } }, visits.follow);
  const server = {
    accept: () => {
      socket?.onOpen();
      socket?.onMessage(JSON.stringify({ type: 'ready', heartbeatSeconds: 600 }));
    },
    push: (id: string, version: number) => socket?.onMessage(JSON.stringify({ type: 'visit', bookingId: id, version, status: 'en_route' })),
    drop: () => socket?.onClose(),
  };
  const serverSays = (over: Partial<BookingView>) => {
    api.bookingsList = api.bookingsList.map((b) => (b.id === ID ? { ...structuredClone(b), version: b.version + 1, ...over } : b));
  };
  await visits.loadVisit(ID);
  visits.follow.start({ kind: 'visit', id: ID });
  return { api, timers, visits, live, server, serverSays, asked: () => api.callsOf('booking').length };
}

it('reads the visit at once when a push about it arrives, and not for pushes about other visits', async () => {
  const s = await setup();
  s.server.accept();
  await s.timers.advance(0); // the catch-up read after connecting
  const before = s.asked();
  s.serverSays({ status: 'en_route', statusLabel: '服务人员已出发' });
  s.server.push(ID, 4);
  await s.timers.advance(0);
  expect(s.asked()).toBe(before + 1);
  expect(s.visits.current?.statusLabel).toBe('服务人员已出发');
  s.server.push(OTHER, 2);
  await s.timers.advance(0);
  expect(s.asked()).toBe(before + 1);
});

it('polls every 30 s instead of 5 s while connected, and at the normal pace again once the socket drops', async () => {
  const s = await setup();
  s.server.accept();
  await s.timers.advance(0);
  const connected = s.asked();
  await s.timers.advance(LIVE_POLL_MS - 1);
  expect(s.asked()).toBe(connected);
  await s.timers.advance(1);
  expect(s.asked()).toBe(connected + 1);

  s.server.drop();
  const dropped = s.asked();
  await s.timers.advance(POLL_MS);
  expect(s.asked()).toBe(dropped + 1);
});

it('reads once after every (re)connect: pushes may have been missed while it was away', async () => {
  const s = await setup();
  const first = s.asked();
  s.server.accept();
  await s.timers.advance(0);
  expect(s.asked()).toBe(first + 1);
  s.server.drop();
  await s.timers.advance(2_000); // the reconnect (at most 1 s for the first retry)
  const before = s.asked();
  s.server.accept();
  await s.timers.advance(0);
  expect(s.asked()).toBe(before + 1);
});

it('a push heard while a read is on its way is read again right after it (that read may predate the change)', async () => {
  const s = await setup();
  s.server.accept();
  s.api.hold();
  await s.timers.advance(0); // the catch-up read starts, reads the server as it is, and waits
  const before = s.asked();
  expect(s.visits.current?.statusLabel).toBe('已确认');
  s.serverSays({ status: 'en_route', statusLabel: '服务人员已出发' });
  s.server.push(ID, 4);
  s.api.release();
  await settle();
  await s.timers.advance(0);
  expect(s.asked()).toBe(before + 1);
  expect(s.visits.current?.statusLabel).toBe('服务人员已出发');
});
