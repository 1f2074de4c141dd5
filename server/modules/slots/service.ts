/**
 * The slots to offer: each upcoming slot that at least one qualified staff member can serve at
 * this address. A handful of queries for the whole week (the staff snapshot), the rest in memory.
 */
import {
  DomainError,
  findHospital,
  ineligibility,
  NO_COMMITMENTS,
  upcomingEscortSlots,
  requiredSkills,
  upcomingSlots,
  type Clock,
  type SlotsQuery,
  type SlotsResponse,
} from '@domain';
import type { Db } from '../../db';
import type { AuthUser } from '../../types';
import { usableAddress } from '../addresses/service';
import { loadSnapshot } from '../matching/snapshot';
import { slotDays } from './days';

export class SlotService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async list(actor: AuthUser, query: SlotsQuery): Promise<SlotsResponse> {
    const now = this.clock.now();
    const claimType = query.serviceType === 'claim' ? (query.claimType ?? 'other') : null;
    const slots = query.serviceType === 'escort' ? upcomingEscortSlots(now, query.pickUp ?? false) : upcomingSlots(query.serviceType, now);
    const { address, snapshot } = await this.db.transaction(async (tx) => {
      const address = await usableAddress(tx, actor, query.addressId);
      const dates = [...new Set(slots.map((s) => s.date))];
      return { address, snapshot: await loadSnapshot(tx, { skills: requiredSkills(query.serviceType, claimType), dates, elderIds: [] }) };
    });
    // An escort without pick-up starts at the hospital (as booking matches it), else at home.
    const hospital = query.serviceType === 'escort' && !query.pickUp && query.hospitalId ? findHospital(query.hospitalId) : null;
    if (query.hospitalId && query.serviceType === 'escort' && !findHospital(query.hospitalId)) throw new DomainError('HOSPITAL_NOT_FOUND');
    const location = hospital ? { lat: hospital.lat, lng: hospital.lng } : address;
    const servable = slots.filter((slot) => {
      const req = {
        bookingId: 'slot-listing',
        serviceType: query.serviceType,
        claimType,
        location,
        slotStart: slot.start,
        slotEnd: slot.end,
        customer: { customerId: address.elderId, dialect: null, preferredGender: null },
      };
      const ctx = snapshot.contextFor(slot.date);
      return snapshot.staff.some((s) => ineligibility(s, req, ctx.commitmentsOf(s.id) ?? NO_COMMITMENTS) === null);
    });
    return { days: slotDays(now, servable) };
  }
}
