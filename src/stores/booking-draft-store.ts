import { makeAutoObservable, reaction, runInAction } from 'mobx';
import { findHospital, type ClaimType, type Department, type Hospital, type MobilityNeed, type ServiceType } from '@domain/services';
import type { Address, BookingView, ContactChoice, CreateBookingBody, SlotsResponse, SlotView, UserView } from '@domain/schemas';
import type { CreateAddressBody } from '@domain/schemas-booking';
import { ApiError, messageOf } from '@/api/api-error';
import type { CustomerApi } from '@/api/client';
import { DocumentPhotos } from './document-photos';
import { isSnapshot, type DraftSnapshot, type DraftStorage } from './draft-snapshot';
import type { LoadState } from './load-state';
import type { PhotoReader } from './photo-ports';
import { defaultKeyFactory, type KeyFactory } from './ports';

export interface ElderChoice {
  id: string;
  name: string;
}

type SlotDay = SlotsResponse['days'][number];

/** Server answers that mean "this time is gone, pick another". */
const SLOT_GONE = ['SLOT_TAKEN', 'SLOT_NOT_AVAILABLE'];
const RECENT_HOSPITALS = 3;

/**
 * One booking (a claim or an escort) being put together across the booking pages. It keeps
 * everything typed or tapped until the booking succeeds, on the device too (per person), and one
 * Idempotency-Key per draft: a retry after a lost answer sends the same key, so the server returns
 * the booking it may already have made instead of making a second one. The key changes only when
 * the draft's content changes after a try.
 */
export class BookingDraftStore {
  serviceType: ServiceType = 'claim';
  elder: ElderChoice | null = null;
  claimType: ClaimType | null = null;
  hospitalId: string | null = null;
  department: Department | null = null;
  /** Escort: collect the person at home (null: not answered yet). */
  pickUp: boolean | null = null;
  mobility: MobilityNeed[] = [];
  recentHospitalIds: string[] = [];
  addresses: Address[] = [];
  addressState: LoadState = 'idle';
  addressError: string | null = null;
  addressId: string | null = null;
  /** The chosen address as it was when chosen, so a restored draft can show it before the list loads. */
  pickedAddress: Address | null = null;
  savingAddress = false;
  addressSaveError: string | null = null;
  days: SlotDay[] = [];
  slotState: LoadState = 'idle';
  slotError: string | null = null;
  selectedDate: string | null = null;
  slot: SlotView | null = null;
  note = '';
  contact: ContactChoice = 'elder';
  idempotencyKey: string;
  submitting = false;
  submitError: ApiError | null = null;
  /** The last submit was refused because the time is gone: the person must pick another. */
  needsNewSlot = false;
  /** Whose draft this is; drafts are kept per person. */
  ownerId: string | null = null;
  /** Claims: photos of documents, uploaded once the booking exists. */
  readonly photos: DocumentPhotos;
  private triedWithKey = false;

  constructor(
    private readonly api: CustomerApi,
    private readonly newKey: KeyFactory = defaultKeyFactory,
    private readonly storage: DraftStorage | null = null,
    readPhoto: PhotoReader | null = null,
  ) {
    this.idempotencyKey = newKey();
    this.photos = new DocumentPhotos(api, readPhoto);
    makeAutoObservable<BookingDraftStore, 'api' | 'newKey' | 'storage'>(this, { api: false, newKey: false, storage: false, photos: false }, { autoBind: true });
    // Every change is written through to the device at once: an app killed mid-booking loses nothing.
    reaction(
      () => this.snapshot,
      (snap) => {
        if (this.ownerId) this.storage?.save(this.ownerId, snap);
      },
    );
  }

  /** The signed-in person changed: their own kept draft (if any) comes back; nobody's draft is shown to another. */
  attach(userId: string | null): void {
    if (this.ownerId === userId) return;
    this.ownerId = null;
    this.recentHospitalIds = [];
    this.reset();
    const stored = userId ? this.storage?.load(userId) : null;
    if (isSnapshot(stored)) this.apply(stored);
    this.ownerId = userId;
  }

  /** A fresh draft for this service. An elder booking only for themselves is chosen already. */
  start(user: UserView, service: ServiceType = 'claim'): void {
    this.reset();
    this.serviceType = service;
    if (user.bookFor.length === 1 && user.bookFor[0].id === user.id) this.elder = { ...user.bookFor[0] };
  }

  reset(): void {
    this.serviceType = 'claim';
    this.elder = null;
    this.claimType = null;
    this.hospitalId = null;
    this.department = null;
    this.pickUp = null;
    this.mobility = [];
    this.addresses = [];
    this.addressState = 'idle';
    this.addressError = null;
    this.addressId = null;
    this.pickedAddress = null;
    this.addressSaveError = null;
    this.clearSlots();
    this.note = '';
    this.contact = 'elder';
    this.photos.clear();
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
    this.pickedAddress = null;
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

  chooseHospital(id: string): void {
    if (!findHospital(id) || this.hospitalId === id) return;
    this.hospitalId = id;
    this.recentHospitalIds = [id, ...this.recentHospitalIds.filter((h) => h !== id)].slice(0, RECENT_HOSPITALS);
    this.changed();
  }

  chooseDepartment(d: Department): void {
    if (this.department === d) return;
    this.department = d;
    this.changed();
  }

  /** Pick-up changes the visit window, so the offered times are fetched again. */
  choosePickUp(pickUp: boolean): void {
    if (this.pickUp === pickUp) return;
    this.clearSlots();
    this.pickUp = pickUp;
    this.changed();
  }

  toggleMobility(need: MobilityNeed): void {
    this.mobility = this.mobility.includes(need) ? this.mobility.filter((m) => m !== need) : [...this.mobility, need];
    this.changed();
  }

  chooseContact(contact: ContactChoice): void {
    if (this.contact === contact) return;
    this.contact = contact;
    this.changed();
  }

  chooseAddress(id: string): void {
    if (this.addressId === id) return;
    this.clearSlots();
    this.addressId = id;
    this.pickedAddress = this.addresses.find((a) => a.id === id) ?? null;
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
    return this.addresses.find((a) => a.id === this.addressId) ?? (this.pickedAddress?.id === this.addressId ? this.pickedAddress : null);
  }

  get hospital(): Hospital | null {
    return this.hospitalId ? findHospital(this.hospitalId) : null;
  }

  get recentHospitals(): Hospital[] {
    return this.recentHospitalIds.map(findHospital).filter((h): h is Hospital => !!h);
  }

  get selectedDay(): SlotDay | null {
    return this.days.find((d) => d.date === this.selectedDate) ?? null;
  }

  /** The service-specific choices (claim type; hospital, department and pick-up) are made. */
  get hasServiceDetails(): boolean {
    return this.serviceType === 'claim' ? !!this.claimType : !!(this.hospitalId && this.department && this.pickUp !== null);
  }

  /** Everything the server needs is chosen. */
  get isComplete(): boolean {
    return this.body !== null;
  }

  get body(): CreateBookingBody | null {
    if (!this.elder || !this.addressId || !this.slot || !this.hasServiceDetails) return null;
    const note = this.note.trim();
    const common = { elderId: this.elder.id, addressId: this.addressId, ...(note ? { note } : {}), ...(this.contact === 'booker' ? { contact: this.contact } : {}) };
    if (this.serviceType === 'claim') return { serviceType: 'claim', claimType: this.claimType as ClaimType, slotStart: this.slot.start, ...common };
    const escort = {
      hospitalId: this.hospitalId as string,
      department: this.department as Department,
      appointmentAt: this.slot.appointmentAt ?? this.slot.start,
      pickUp: this.pickUp as boolean,
      mobility: [...this.mobility],
    };
    return { serviceType: 'escort', escort, ...common };
  }

  get snapshot(): DraftSnapshot {
    return {
      v: 1, serviceType: this.serviceType, elder: this.elder, claimType: this.claimType, addressId: this.addressId,
      pickedAddress: this.pickedAddress, slot: this.slot, selectedDate: this.selectedDate, note: this.note, contact: this.contact,
      hospitalId: this.hospitalId, department: this.department, pickUp: this.pickUp, mobility: [...this.mobility],
      idempotencyKey: this.idempotencyKey, triedWithKey: this.triedWithKey, needsNewSlot: this.needsNewSlot,
      recentHospitalIds: [...this.recentHospitalIds],
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
        if (this.addressId && !list.some((a) => a.id === this.addressId)) {
          this.addressId = null;
          this.pickedAddress = null;
        }
        if (!this.addressId && list.length === 1) this.chooseAddress(list[0].id);
      });
    } catch (err) {
      runInAction(() => {
        this.addressState = 'error';
        this.addressError = messageOf(err);
      });
    }
  }

  /** Saves a new address for the chosen elder and chooses it. Resolves false (with a message) on failure. */
  async saveAddress(input: Omit<CreateAddressBody, 'elderId'>): Promise<boolean> {
    if (!this.elder || this.savingAddress) return false;
    this.savingAddress = true;
    this.addressSaveError = null;
    try {
      const saved = await this.api.createAddress({ ...input, elderId: this.elder.id });
      runInAction(() => {
        this.savingAddress = false;
        this.addresses = [...this.addresses.filter((a) => a.id !== saved.id), saved];
        this.chooseAddress(saved.id);
      });
      return true;
    } catch (err) {
      runInAction(() => {
        this.savingAddress = false;
        this.addressSaveError = messageOf(err);
      });
      return false;
    }
  }

  async loadSlots(): Promise<void> {
    if (!this.hasServiceDetails || !this.addressId) return;
    this.slotState = 'loading';
    this.slotError = null;
    try {
      const query = this.serviceType === 'claim'
        ? { serviceType: 'claim' as const, claimType: this.claimType as ClaimType, addressId: this.addressId }
        : { serviceType: 'escort' as const, addressId: this.addressId, pickUp: this.pickUp === true, hospitalId: this.hospitalId ?? undefined };
      const res = await this.api.slots(query);
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

  /**
   * Sends the booking, then any document photos to it. Resolves the new booking, or null with
   * `submitError` set; the draft stays. A photo that fails to upload does not undo the booking
   * (`photos.failed` says how many).
   */
  async submit(): Promise<BookingView | null> {
    const body = this.body;
    if (!body || this.submitting) return null;
    this.submitting = true;
    this.submitError = null;
    this.triedWithKey = true;
    try {
      const booking = await this.api.createBooking(body, this.idempotencyKey);
      const photos = this.serviceType === 'claim' ? [...this.photos.list] : [];
      runInAction(() => this.reset());
      await this.photos.uploadTo(booking.id, photos);
      runInAction(() => (this.submitting = false));
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

  private apply(s: DraftSnapshot): void {
    Object.assign(this, {
      serviceType: s.serviceType, elder: s.elder, claimType: s.claimType, addressId: s.addressId, pickedAddress: s.pickedAddress,
      slot: s.slot, selectedDate: s.selectedDate, note: s.note, contact: s.contact, hospitalId: s.hospitalId, department: s.department,
      pickUp: s.pickUp, mobility: s.mobility, idempotencyKey: s.idempotencyKey, triedWithKey: s.triedWithKey,
      needsNewSlot: s.needsNewSlot, recentHospitalIds: s.recentHospitalIds,
    });
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
