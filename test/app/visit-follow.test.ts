/**
 * The customer's visit page follows the visit by itself: the polling rules of VisitFollow, driven
 * through the visits store with a hand-driven clock (no real waiting, no timing assertions).
 */
import type { BookingView } from '@domain/schemas';
import { MAX_BACKOFF_MS, POLL_MS, type TimerPort } from '@/stores/visit-follow';
import { VisitsStore } from '@/stores/visits-store';
import { FakeApi, NETWORK, booking, serverError } from './fake-api';

const ID = 'b1000000-0000-4000-8000-000000000001';
const OTHER = 'b1000000-0000-4000-8000-000000000002';
const VISIT = { kind: 'visit', id: ID } as const;
const LIST = { kind: 'list' } as const;

/** Timers that fire only when the test moves time on; each callback's promises settle before the next. */
class ManualTimers implements TimerPort {
  private t = 0;
  private seq = 0;
  private due: Array<{ at: number; id: number; fn: () => void }> = [];
  now = () => this.t;
  setTimeout = (fn: () => void, ms: number) => {
    this.seq += 1;
    this.due.push({ at: this.t + ms, id: this.seq, fn });
    return this.seq;
  };
  clearTimeout = (handle: unknown) => {
    this.due = this.due.filter((d) => d.id !== handle);
  };
  get pending(): number {
    return this.due.length;
  }
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

function setup(first: Partial<BookingView> = {}) {
  const api = new FakeApi();
  api.bookingsList = [booking({ id: ID, status: 'confirmed', statusLabel: '已确认', version: 2, ...first })];
  const timers = new ManualTimers();
  const visits = new VisitsStore(api, timers);
  /** The staff member moves the visit on, on the server. */
  const serverSays = (over: Partial<BookingView>) => {
    api.bookingsList = api.bookingsList.map((b) => (b.id === ID ? { ...structuredClone(b), version: b.version + 1, ...over } : b));
  };
  const asked = () => api.callsOf('booking').length;
  return { api, timers, visits, serverSays, asked };
}

async function openVisitPage(s: ReturnType<typeof setup>) {
  await s.visits.loadVisit(ID);
  s.visits.follow.start(VISIT);
}

describe('following the open visit', () => {
  it('asks every 5 s while the page is shown, and shows what changed in place', async () => {
    const s = setup();
    await openVisitPage(s);
    const opened = s.asked();
    await s.timers.advance(POLL_MS - 1);
    expect(s.asked()).toBe(opened);
    s.serverSays({ status: 'en_route', statusLabel: '服务人员已出发' });
    await s.timers.advance(1);
    expect(s.asked()).toBe(opened + 1);
    expect(s.visits.current?.statusLabel).toBe('服务人员已出发');
    await s.timers.advance(POLL_MS * 3);
    expect(s.asked()).toBe(opened + 4);
  });

  it('nothing changed: the visit shown stays the very same, so the screen does not redraw', async () => {
    const s = setup();
    await openVisitPage(s);
    const shown = s.visits.current;
    s.serverSays({ version: 2 }); // a fresh copy with the same content
    await s.timers.advance(POLL_MS);
    expect(s.visits.current).toBe(shown);
    expect(s.visits.currentState).toBe('ready');
  });

  it('stops when the page is hidden and starts again when it comes back', async () => {
    const s = setup();
    await openVisitPage(s);
    const opened = s.asked();
    s.visits.follow.stop(VISIT);
    await s.timers.advance(MAX_BACKOFF_MS * 2);
    expect(s.asked()).toBe(opened);
    expect(s.timers.pending).toBe(0);
    s.visits.follow.start(VISIT, { now: true });
    await s.timers.advance(0);
    expect(s.asked()).toBe(opened + 1);
  });

  it('another page taking over does not stop it: only the page that follows can', async () => {
    const s = setup();
    await openVisitPage(s);
    s.visits.follow.stop({ kind: 'visit', id: OTHER });
    s.visits.follow.stop(LIST);
    const opened = s.asked();
    await s.timers.advance(POLL_MS);
    expect(s.asked()).toBe(opened + 1);
  });

  it('stops for good once the visit is finished', async () => {
    const s = setup();
    await openVisitPage(s);
    s.serverSays({ status: 'completed', statusLabel: '已完成', allowedActions: [] });
    await s.timers.advance(POLL_MS);
    expect(s.visits.current?.status).toBe('completed');
    const after = s.asked();
    await s.timers.advance(MAX_BACKOFF_MS * 2);
    expect(s.asked()).toBe(after);
    expect(s.visits.follow.target).toBeNull();
  });

  it('a visit already finished when opened is never asked about again', async () => {
    const s = setup({ status: 'cancelled', statusLabel: '已取消', allowedActions: [] });
    await openVisitPage(s);
    const opened = s.asked();
    await s.timers.advance(MAX_BACKOFF_MS);
    expect(s.asked()).toBe(opened);
  });

  it('without network: waits longer each time (up to a minute), says so quietly, keeps the visit shown', async () => {
    const s = setup();
    await openVisitPage(s);
    const shown = s.visits.current;
    s.api.failNext('booking', NETWORK(), NETWORK(), NETWORK(), NETWORK(), NETWORK());
    const askedAt: number[] = [];
    for (let i = 0; i < 5; i++) {
      const before = s.asked();
      while (s.asked() === before) await s.timers.advance(1000);
      askedAt.push(s.timers.now());
    }
    const gaps = askedAt.slice(1).map((t, i) => t - askedAt[i]);
    expect(gaps).toEqual([10_000, 20_000, 40_000, 60_000]);
    expect(s.visits.follow.retrying).toBe(true);
    expect(s.visits.current).toBe(shown);
    expect(s.visits.currentState).toBe('ready');
    // The network is back: the next check succeeds, the note goes, and it is every 5 s again.
    await s.timers.advance(MAX_BACKOFF_MS);
    expect(s.visits.follow.retrying).toBe(false);
    const back = s.asked();
    await s.timers.advance(POLL_MS);
    expect(s.asked()).toBe(back + 1);
  });

  it('a server error backs off too, but is not called a network problem', async () => {
    const s = setup();
    await openVisitPage(s);
    s.api.failNext('booking', serverError('INTERNAL'));
    await s.timers.advance(POLL_MS);
    expect(s.visits.follow.failures).toBe(1);
    expect(s.visits.follow.retrying).toBe(false);
    const failed = s.asked();
    await s.timers.advance(POLL_MS);
    expect(s.asked()).toBe(failed);
    await s.timers.advance(POLL_MS);
    expect(s.asked()).toBe(failed + 1);
  });

  it('never refreshes while a change form is open, and goes on when it closes', async () => {
    const s = setup();
    await openVisitPage(s);
    const opened = s.asked();
    s.visits.formOpened();
    s.serverSays({ status: 'en_route', statusLabel: '服务人员已出发' });
    await s.timers.advance(POLL_MS * 4);
    expect(s.asked()).toBe(opened);
    expect(s.visits.current?.status).toBe('confirmed');
    s.visits.formClosed();
    await s.timers.advance(POLL_MS);
    expect(s.asked()).toBe(opened + 1);
    expect(s.visits.current?.status).toBe('en_route');
  });

  it('never refreshes while a change is being saved; an older answer never undoes the change', async () => {
    const s = setup();
    await openVisitPage(s);
    const moving = s.visits.reschedule('2025-03-03T01:00:00.000Z');
    await s.timers.advance(POLL_MS);
    expect(s.asked()).toBe(1);
    await moving;
    expect(s.visits.current).toMatchObject({ slotStart: '2025-03-03T01:00:00.000Z', version: 3 });
    // An answer that left before the change (version 2) must not bring the old time back.
    s.api.bookingsList = [booking({ id: ID, status: 'confirmed', statusLabel: '已确认', version: 2 })];
    s.visits.follow.nudge();
    await s.timers.advance(0);
    expect(s.asked()).toBe(2);
    expect(s.visits.current?.slotStart).toBe('2025-03-03T01:00:00.000Z');
  });

  it('a push (nudge) checks at once instead of at the next tick', async () => {
    const s = setup();
    await openVisitPage(s);
    const opened = s.asked();
    s.serverSays({ status: 'en_route', statusLabel: '服务人员已出发' });
    s.visits.follow.nudge();
    await s.timers.advance(0);
    expect(s.asked()).toBe(opened + 1);
    expect(s.visits.current?.status).toBe('en_route');
  });

  it('sign-out stops following', async () => {
    const s = setup();
    await openVisitPage(s);
    s.visits.reset();
    await s.timers.advance(MAX_BACKOFF_MS);
    expect(s.asked()).toBe(1);
  });
});

describe('following the list (my visits, the home page’s next visit)', () => {
  it('keeps the list fresh while a visit is still to come, and stops when none is', async () => {
    const s = setup();
    await s.visits.loadList();
    s.visits.follow.start(LIST);
    s.serverSays({ status: 'en_route', statusLabel: '服务人员已出发' });
    await s.timers.advance(POLL_MS);
    expect(s.visits.next?.statusLabel).toBe('服务人员已出发');
    s.serverSays({ status: 'completed', statusLabel: '已完成', allowedActions: [] });
    await s.timers.advance(POLL_MS);
    expect(s.visits.next).toBeNull();
    const after = s.api.callsOf('bookings').length;
    await s.timers.advance(MAX_BACKOFF_MS);
    expect(s.api.callsOf('bookings').length).toBe(after);
  });
});
