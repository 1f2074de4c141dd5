import { makeAutoObservable, runInAction } from 'mobx';
import { isTerminal } from '@domain/lifecycle';
import type { BookingView, SlotsResponse, SlotView } from '@domain/schemas';
import type { RescheduleSlots } from '@domain/schemas-lifecycle';
import { ApiError, messageOf } from '@/api/api-error';
import type { CustomerApi } from '@/api/client';
import type { LoadState } from './load-state';
import { cancelReason } from './visit-change';
import { VisitPhotos } from './visit-photos';
import { realTimers, VisitFollow, type CheckOutcome, type FollowTarget, type TimerPort } from './visit-follow';

export type SaveState = 'idle' | 'saving' | 'done' | 'error';
type SlotDay = SlotsResponse['days'][number];

/** The customer's visits: the list (upcoming first, as the server orders it), the one open, and changing it. */
export class VisitsStore {
  list: BookingView[] = [];
  listState: LoadState = 'idle';
  listError: string | null = null;
  current: BookingView | null = null;
  currentState: LoadState = 'idle';
  currentError: string | null = null;
  /** Cancelling or moving the open visit. */
  changeState: SaveState = 'idle';
  changeError: string | null = null;
  /** The server said the cut-off passed: the page offers the hotline instead. */
  changeTooLate = false;
  /** The change just made, so the visit page can say it worked. */
  lastChange: { id: string; kind: 'cancel' | 'reschedule' } | null = null;
  rescheduleSlots: RescheduleSlots | null = null;
  slotsState: LoadState = 'idle';
  slotsError: string | null = null;
  /** Change forms open (cancel, reschedule, rate, complain): while any is, the follower waits. */
  formsOpen = 0;
  /** Keeps the open visit (or the list) fresh while its page is shown. */
  readonly follow: VisitFollow;
  /** The staff member's photos of the open visit's documents (fetched when their counts change). */
  readonly photos: VisitPhotos;

  constructor(
    private readonly api: CustomerApi,
    timers: TimerPort = realTimers,
  ) {
    this.photos = new VisitPhotos(api);
    this.follow = new VisitFollow({ check: (t) => this.check(t), finished: (t) => this.followFinished(t), busy: (t) => this.followBusy(t) }, timers);
    makeAutoObservable<VisitsStore, 'api'>(this, { api: false, follow: false, photos: false }, { autoBind: true });
  }

  /** Visits still to happen or under way. */
  get upcoming(): BookingView[] {
    return this.list.filter((b) => !isTerminal(b.status));
  }

  get past(): BookingView[] {
    return this.list.filter((b) => isTerminal(b.status));
  }

  /** The next visit to show on the home page. */
  get next(): BookingView | null {
    return this.upcoming[0] ?? null;
  }

  /** The current dedicated person's free slots, across all days: offered first. */
  get sameStaffSlots(): Array<SlotView & { dayLabel: string }> {
    return (this.rescheduleSlots?.days ?? []).flatMap((d) => d.slots.filter((s) => s.sameStaff).map((s) => ({ ...s, dayLabel: d.label })));
  }

  /** The other slots (someone else would come), by day. */
  get otherSlotDays(): SlotDay[] {
    return (this.rescheduleSlots?.days ?? []).map((d) => ({ ...d, slots: d.slots.filter((s) => !s.sameStaff) })).filter((d) => d.slots.length > 0);
  }

  /** Forget everything (sign-out: the next person must not see these visits). */
  reset(): void {
    this.follow.stop();
    this.photos.reset();
    this.formsOpen = 0;
    this.list = [];
    this.listState = 'idle';
    this.listError = null;
    this.current = null;
    this.currentState = 'idle';
    this.currentError = null;
    this.resetChange();
    this.rescheduleSlots = null;
    this.slotsState = 'idle';
  }

  resetChange(): void {
    this.changeState = 'idle';
    this.changeError = null;
    this.changeTooLate = false;
    this.lastChange = null;
  }

  async loadList(): Promise<void> {
    this.listState = 'loading';
    this.listError = null;
    try {
      const list = await this.api.bookings();
      runInAction(() => {
        this.list = list;
        this.listState = 'ready';
      });
    } catch (err) {
      runInAction(() => {
        // Keep what was shown: an old list with an error beats an empty screen.
        this.listState = 'error';
        this.listError = messageOf(err);
      });
    }
  }

  /** A booking just made or changed: show it at once, no extra request. */
  show(booking: BookingView): void {
    this.current = booking;
    this.currentState = 'ready';
    this.currentError = null;
    this.upsert(booking);
    void this.photos.sync(booking);
  }

  async loadVisit(id: string): Promise<void> {
    if (this.current?.id !== id) {
      this.current = this.list.find((b) => b.id === id) ?? null;
    }
    this.currentState = 'loading';
    this.currentError = null;
    try {
      const booking = await this.api.booking(id);
      runInAction(() => {
        this.current = booking;
        this.currentState = 'ready';
        this.upsert(booking);
      });
      void this.photos.sync(booking);
    } catch (err) {
      runInAction(() => {
        this.currentState = 'error';
        this.currentError = messageOf(err);
      });
    }
  }

  async cancel(reason: string, note = ''): Promise<boolean> {
    const b = this.current;
    if (!b) return false;
    return this.change('cancel', () => this.api.cancelBooking(b.id, { version: b.version, reason: cancelReason(reason, note) }));
  }

  async loadRescheduleSlots(id: string): Promise<void> {
    this.slotsState = 'loading';
    this.slotsError = null;
    try {
      const slots = await this.api.rescheduleSlots(id);
      runInAction(() => {
        this.rescheduleSlots = slots;
        this.slotsState = 'ready';
      });
    } catch (err) {
      runInAction(() => {
        this.slotsState = 'error';
        this.slotsError = messageOf(err);
        if (err instanceof ApiError && err.code === 'CHANGE_CUTOFF_PASSED') this.changeTooLate = true;
      });
    }
  }

  async reschedule(slotStart: string): Promise<boolean> {
    const b = this.current;
    if (!b) return false;
    return this.change('reschedule', () => this.api.rescheduleBooking(b.id, { version: b.version, slotStart }));
  }

  /** One change at a time; on success the new visit is shown, on refusal the reason is kept. */
  private async change(kind: 'cancel' | 'reschedule', send: () => Promise<BookingView>): Promise<boolean> {
    if (this.changeState === 'saving') return false;
    this.changeState = 'saving';
    this.changeError = null;
    this.changeTooLate = false;
    try {
      const updated = await send();
      runInAction(() => {
        this.show(updated);
        this.changeState = 'done';
        this.lastChange = { id: updated.id, kind };
      });
      return true;
    } catch (err) {
      runInAction(() => {
        this.changeState = 'error';
        this.changeError = messageOf(err);
        this.changeTooLate = err instanceof ApiError && err.code === 'CHANGE_CUTOFF_PASSED';
      });
      return false;
    }
  }

  formOpened(): void {
    this.formsOpen += 1;
  }

  formClosed(): void {
    this.formsOpen = Math.max(0, this.formsOpen - 1);
  }

  /** One quiet check for news (VisitFollow): nothing on screen changes unless the visit did. */
  private async check(target: FollowTarget): Promise<CheckOutcome> {
    try {
      if (target.kind === 'visit') this.applyNews(await this.api.booking(target.id));
      else this.applyListNews(await this.api.bookings());
      return 'ok';
    } catch (err) {
      return err instanceof ApiError && err.isNetwork ? 'network' : 'error';
    }
  }

  private applyNews(booking: BookingView): void {
    const shown = this.current?.id === booking.id ? this.current : null;
    // An answer sent before a change the person just made must not undo it on screen.
    if (shown && shown.version > booking.version) return;
    if (shown) {
      if (!sameData(shown, booking)) this.current = booking;
      this.currentState = 'ready';
      this.currentError = null;
      void this.photos.sync(this.current);
    }
    this.upsert(booking);
  }

  private applyListNews(list: BookingView[]): void {
    const newest = list.map((b) => {
      const mine = this.list.find((x) => x.id === b.id);
      return mine && mine.version > b.version ? mine : b;
    });
    if (!sameData(this.list, newest)) this.list = newest;
    this.listState = 'ready';
    this.listError = null;
  }

  private followFinished(target: FollowTarget): boolean {
    if (target.kind === 'list') return this.listState === 'ready' && this.upcoming.length === 0;
    const b = this.current?.id === target.id ? this.current : this.list.find((x) => x.id === target.id);
    return !!b && isTerminal(b.status);
  }

  private followBusy(target: FollowTarget): boolean {
    const loading = target.kind === 'visit' ? this.currentState === 'loading' : this.listState === 'loading';
    return this.formsOpen > 0 || this.changeState === 'saving' || loading;
  }

  private upsert(booking: BookingView): void {
    const i = this.list.findIndex((b) => b.id === booking.id);
    if (i >= 0) {
      if (!sameData(this.list[i], booking)) this.list[i] = booking;
    } else if (this.listState === 'ready') this.list.unshift(booking);
  }
}

/** Same content: replacing it would only make the screen redraw for nothing. */
function sameData(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
