import { makeAutoObservable, runInAction } from 'mobx';
import { isTerminal } from '@domain/lifecycle';
import type { BookingView } from '@domain/schemas';
import { messageOf } from '@/api/api-error';
import type { ApiClient } from '@/api/client';
import type { LoadState } from './load-state';

/** The customer's visits: the list (upcoming first, as the server orders it) and the one open. */
export class VisitsStore {
  list: BookingView[] = [];
  listState: LoadState = 'idle';
  listError: string | null = null;
  current: BookingView | null = null;
  currentState: LoadState = 'idle';
  currentError: string | null = null;

  constructor(private readonly api: ApiClient) {
    makeAutoObservable<VisitsStore, 'api'>(this, { api: false }, { autoBind: true });
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

  /** Forget everything (sign-out: the next person must not see these visits). */
  reset(): void {
    this.list = [];
    this.listState = 'idle';
    this.listError = null;
    this.current = null;
    this.currentState = 'idle';
    this.currentError = null;
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

  /** A booking just made: show it at once, no extra request. */
  show(booking: BookingView): void {
    this.current = booking;
    this.currentState = 'ready';
    this.currentError = null;
    this.upsert(booking);
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
    } catch (err) {
      runInAction(() => {
        this.currentState = 'error';
        this.currentError = messageOf(err);
      });
    }
  }

  private upsert(booking: BookingView): void {
    const i = this.list.findIndex((b) => b.id === booking.id);
    if (i >= 0) this.list[i] = booking;
    else if (this.listState === 'ready') this.list.unshift(booking);
  }
}
