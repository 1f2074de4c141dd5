/**
 * The slots to offer: each upcoming slot that at least one qualified staff member can serve at
 * this address. Two queries for the whole week (staff, then their visits), the rest in memory.
 */
import {
  BOOKING_RULES,
  chinaDate,
  formatChinaDay,
  ineligibility,
  requiredSkills,
  upcomingSlots,
  type Clock,
  type SlotsQuery,
  type SlotsResponse,
} from '@domain';
import type { Db } from '../../db';
import type { AuthUser } from '../../types';
import { usableAddress } from '../addresses/service';
import { chinaDaysWindow, commitmentsForSlot } from '../matching/availability';
import { loadStaffVisits, loadStaffWithSkills } from '../matching/repository';

const DAY_PREFIX = ['今天', '明天', '后天'];

function dayLabel(date: string, index: number): string {
  const day = formatChinaDay(`${date}T12:00:00+08:00`);
  return index < DAY_PREFIX.length ? `${DAY_PREFIX[index]} ${day}` : day;
}

export class SlotService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async list(actor: AuthUser, query: SlotsQuery): Promise<SlotsResponse> {
    const now = this.clock.now();
    const claimType = query.serviceType === 'claim' ? (query.claimType ?? 'other') : null;
    const slots = upcomingSlots(query.serviceType, now);
    const { address, staff, visits } = await this.db.transaction(async (tx) => {
      const address = await usableAddress(tx, actor, query.addressId);
      const staff = await loadStaffWithSkills(tx, requiredSkills(query.serviceType, claimType));
      const window = slots.length > 0 ? chinaDaysWindow(slots) : null;
      const visits = window ? await loadStaffVisits(tx, staff.map((s) => s.id), window.from, window.to) : [];
      return { address, staff, visits };
    });
    const servable = slots.filter((slot) => {
      const req = { serviceType: query.serviceType, claimType, location: address, slotStart: slot.start, slotEnd: slot.end };
      const commitments = commitmentsForSlot(visits, slot);
      return staff.some((s) => ineligibility(s, req, commitments.get(s.id) ?? { busy: [], visitsThatDay: 0 }) === null);
    });
    return { days: this.byDay(now, servable) };
  }

  private byDay(now: Date, slots: ReturnType<typeof upcomingSlots>): SlotsResponse['days'] {
    return Array.from({ length: BOOKING_RULES.horizonDays }, (_, i) => {
      const date = chinaDate(now.getTime() + i * 86_400_000);
      return { date, label: dayLabel(date, i), slots: slots.filter((s) => s.date === date) };
    });
  }
}
