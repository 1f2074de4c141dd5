import { makeAutoObservable, runInAction } from 'mobx';
import type { ClaimType } from '@domain/services';
import type { Address, BookingView, CreateBookingBody, SlotsResponse, SlotView, UserView } from '@domain/schemas';
import { ApiError, messageOf } from '@/api/api-error';
import type { ApiClient } from '@/api/client';
import type { LoadState } from './load-state';
import { defaultKeyFactory, type KeyFactory } from './ports';

export interface ElderChoice {
  id: string;
  name: string;
}

type SlotDay = SlotsResponse['days'][number];

/** Server answers that mean "this time is gone, pick another". */
const SLOT_GONE = ['SLOT_TAKEN', 'SLOT_NOT_AVAILABLE'];

/**
 * One booking being put together across the booking pages. It keeps everything typed or tapped
 * until the booking succeeds, and one Idempotency-Key per draft: a retry after a lost answer
 * sends the same key, so the server returns the booking it may already have made instead of
 * making a second one. The key changes only when the draft's content changes after a try.
 */
export class BookingDraftStore {
  elder: ElderChoice | null = null;
  claimType: ClaimType | null = null;
  addresses: Address[] = [];
  addressState: LoadState = 'idle';
  addressError: string | null = null;
  addressId: string | null = null;
  days: SlotDay[] = [];
  slotState: LoadState = 'idle';
  slotError: string | null = null;
  selectedDate: string | null = null;
  slot: SlotView | null = null;
  note = '';
  idempotencyKey: string;
  submitting = false;
  submitError: ApiError | null = null;
  /** The last submit was refused because the time is gone: the person must pick another. */
  needsNewSlot = false;
  private triedWithKey = false;

  constructor(
    private readonly api: ApiClient,
    private readonly newKey: KeyFactory = defaultKeyFactory,
  ) {
    this.idempotencyKey = newKey();
    makeAutoObservable<BookingDraftStore, 'api' | 'newKey'>(this, { api: false, newKey: false }, { autoBind: true });
  }

  /** A fresh draft. An elder booking only for themselves is chosen already. */
  start(user: UserView): void {
    this.reset();
    if (user.bookFor.length === 1 && user.bookFor[0].id === user.id) this.elder = { ...user.bookFor[0] };
  }

  reset(): void {
    this.elder = null;
    this.claimType = null;
    this.addresses = [];
    this.addressState = 'idle';
    this.addressError = null;
    this.addressId = null;
    this.clearSlots();
    this.note = '';
    this.submitError = null;
    this.needsNewSlot = false;
    this.idempotencyKey = this.newKey();
    this.triedWithKey = false;
  }

  chooseElder(elder: ElderChoice): void {
    if (this.elder?.id === elder.id) return;
    this.addresses = [];
    this.addressState = 'idle';
    this.addressId = null;
    this.clearSlots();
    this.elder = { id: elder.id, name: elder.name };
    this.changed();
  }

  chooseClaimType(type: ClaimType): void {
    if (this.claimType === type) return;
    this.clearSlots();
    this.claimType = type;
    this.changed();
  }

  chooseAddress(id: string): void {
    if (this.addressId === id) return;
    this.clearSlots();
    this.addressId = id;
    this.changed();
  }

  chooseDate(date: string): void {
    this.selectedDate = date;
  }

  chooseSlot(slot: SlotView): void {
    this.selectedDate = slot.date;
    this.needsNewSlot = false;
    if (this.slot?.start === slot.start) return;
    this.slot = slot;
    this.changed();
  }

  setNote(note: string): void {
    const next = note.slice(0, 200);
    if (next === this.note) return;
    this.note = next;
    this.changed();
  }

  get address(): Address | null {
    return this.addresses.find((a) => a.id === this.addressId) ?? null;
  }

  get selectedDay(): SlotDay | null {
    return this.days.find((d) => d.date === this.selectedDate) ?? null;
  }

  /** Everything the server needs is chosen. */
  get isComplete(): boolean {
    return !!(this.elder && this.claimType && this.addressId && this.slot);
  }

  get body(): CreateBookingBody | null {
    if (!this.elder || !this.claimType || !this.addressId || !this.slot) return null;
    const note = this.note.trim();
    return {
      serviceType: 'claim',
      claimType: this.claimType,
      elderId: this.elder.id,
      addressId: this.addressId,
      slotStart: this.slot.start,
      ...(note ? { note } : {}),
    };
  }

  async loadAddresses(): Promise<void> {
    this.addressState = 'loading';
    this.addressError = null;
    try {
      const list = await this.api.addresses(this.elder?.id);
      runInAction(() => {
        this.addresses = list;
        this.addressState = 'ready';
        if (this.addressId && !list.some((a) => a.id === this.addressId)) this.addressId = null;
        if (!this.addressId && list.length === 1) this.addressId = list[0].id;
      });
    } catch (err) {
      runInAction(() => {
        this.addressState = 'error';
        this.addressError = messageOf(err);
      });
    }
  }

  async loadSlots(): Promise<void> {
    if (!this.claimType || !this.addressId) return;
    this.slotState = 'loading';
    this.slotError = null;
    try {
      const res = await this.api.slots({ serviceType: 'claim', claimType: this.claimType, addressId: this.addressId });
      runInAction(() => {
        this.days = res.days;
        this.slotState = 'ready';
        const chosen = this.slot;
        // A chosen time the server no longer offers is dropped rather than silently kept.
        if (chosen && !res.days.some((d) => d.slots.some((s) => s.start === chosen.start))) this.slot = null;
        if (!this.selectedDate || !res.days.some((d) => d.date === this.selectedDate)) {
          this.selectedDate = (res.days.find((d) => d.slots.length > 0) ?? res.days[0])?.date ?? null;
        }
      });
    } catch (err) {
      runInAction(() => {
        this.slotState = 'error';
        this.slotError = messageOf(err);
      });
    }
  }

  /** Sends the booking. Resolves the new booking, or null with `submitError` set; the draft stays. */
  async submit(): Promise<BookingView | null> {
    const body = this.body;
    if (!body || this.submitting) return null;
    this.submitting = true;
    this.submitError = null;
    this.triedWithKey = true;
    try {
      const booking = await this.api.createBooking(body, this.idempotencyKey);
      runInAction(() => {
        this.submitting = false;
        this.reset();
      });
      return booking;
    } catch (err) {
      runInAction(() => {
        this.submitting = false;
        this.submitError = err instanceof ApiError ? err : new ApiError('INTERNAL', messageOf(err), 0);
        if (SLOT_GONE.includes(this.submitError.code)) {
          this.slot = null;
          this.needsNewSlot = true;
        }
      });
      return null;
    }
  }

  private clearSlots(): void {
    this.days = [];
    this.slotState = 'idle';
    this.slotError = null;
    this.selectedDate = null;
    this.slot = null;
  }

  /** The same key may only ever carry the same request: new content after a try gets a new key. */
  private changed(): void {
    if (this.triedWithKey) {
      this.idempotencyKey = this.newKey();
      this.triedWithKey = false;
    }
  }
}
