/**
 * What of a booking draft is kept on the device, so nothing tapped or typed is lost when the app
 * is closed or the page reloads: one entry per signed-in person (platform/draft-storage.ts).
 */
import type { ClaimType, Department, MobilityNeed, ServiceType } from '@domain/services';
import type { Address, ContactChoice, SlotView } from '@domain/schemas';

export interface DraftSnapshot {
  v: 1;
  serviceType: ServiceType;
  elder: { id: string; name: string } | null;
  claimType: ClaimType | null;
  addressId: string | null;
  pickedAddress: Address | null;
  slot: SlotView | null;
  selectedDate: string | null;
  note: string;
  contact: ContactChoice;
  hospitalId: string | null;
  department: Department | null;
  pickUp: boolean | null;
  mobility: MobilityNeed[];
  idempotencyKey: string;
  triedWithKey: boolean;
  needsNewSlot: boolean;
  /** Hospitals this person chose before, latest first (survives finished bookings). */
  recentHospitalIds: string[];
}

/** Where drafts are kept; the platform implements it over Taro storage, tests in memory. */
export interface DraftStorage {
  load(userId: string): unknown;
  save(userId: string, snapshot: DraftSnapshot): void;
}

/** A stored value we can trust enough to restore (an older or damaged one is ignored). */
export function isSnapshot(v: unknown): v is DraftSnapshot {
  if (!v || typeof v !== 'object') return false;
  const s = v as Partial<DraftSnapshot>;
  return s.v === 1 && (s.serviceType === 'claim' || s.serviceType === 'escort') && typeof s.idempotencyKey === 'string'
    && typeof s.note === 'string' && Array.isArray(s.mobility) && Array.isArray(s.recentHospitalIds);
}

export function memoryDraftStorage(): DraftStorage & { data: Map<string, DraftSnapshot> } {
  const data = new Map<string, DraftSnapshot>();
  return {
    data,
    load: (userId) => (data.has(userId) ? JSON.parse(JSON.stringify(data.get(userId))) : null),
    save: (userId, snapshot) => data.set(userId, JSON.parse(JSON.stringify(snapshot))),
  };
}
