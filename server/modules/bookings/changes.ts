/**
 * The elder or a consenting family member changing a visit: cancel (with a reason) or move it to
 * another time, until the cut-off before the visit. Moving keeps the same dedicated person when
 * they are free then, and the slots offered say which times keep them.
 */
import {
  busyRangeOf,
  chinaDate,
  DomainError,
  findSlot,
  ineligibility,
  NO_COMMITMENTS,
  requiredSkills,
  transition,
  upcomingEscortSlots,
  upcomingSlots,
  withinChangeWindow,
  type BookingView,
  type CancelBody,
  type EscortView,
  type Clock,
  type RescheduleBody,
  type RescheduleSlots,
  type SlotView,
  type StaffProfile,
} from '@domain';
import type { LifecycleConfig } from '../../config';
import type { Db, Queryable } from '../../db';
import type { AuthUser } from '../../types';
import { actingRoleFor, visibleElderIds } from '../customers/access';
import { claimBestCandidate, requestFor } from '../matching/matcher';
import { loadSnapshot } from '../matching/snapshot';
import { slotDays } from '../slots/days';
import { applyTransition } from './lifecycle';
import { detailsOf, moveAppointment } from './details-repository';
import { exclusionsFor, matchTargets, offerTo } from './matching-flow';
import * as repo from './repository';
import { bookingView, toStaffCard, type ViewPolicy } from './views';
import { staffCards } from './views-repository';

/** An escort's details (its window follows the appointment and the pick-up choice); null for a claim. */
async function escortOf(q: Queryable, row: repo.BookingRow): Promise<EscortView | null> {
  if (row.serviceType !== 'escort') return null;
  return (await detailsOf(q, [row.id])).get(row.id)?.escort ?? null;
}

export class BookingChanges {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly lifecycle: LifecycleConfig,
  ) {}

  private policy(now: Date): ViewPolicy {
    return { now, cutoffMinutes: this.lifecycle.changeCutoffMinutes };
  }

  /** The booking, locked, if this customer may act on it; someone else's is NOT_FOUND (ids cannot be probed). */
  private async lockVisible(tx: Queryable, actor: AuthUser, id: string): Promise<{ row: repo.BookingRow; role: 'customer' | 'family' }> {
    const row = await repo.findByIdForUpdate(tx, id);
    if (!row || !(await visibleElderIds(tx, actor.id)).includes(row.elderId)) throw new DomainError('NOT_FOUND');
    return { row, role: await actingRoleFor(tx, actor.id, row.elderId) };
  }

  async cancel(actor: AuthUser, id: string, body: CancelBody): Promise<BookingView> {
    return this.db.transaction(async (tx) => {
      const { row, role } = await this.lockVisible(tx, actor, id);
      if (row.version !== body.version) throw new DomainError('VERSION_CONFLICT');
      const now = this.clock.now();
      // The state machine first (a visit under way cannot be cancelled at all), then the cut-off.
      transition({ from: row.status, action: 'cancel', role, reason: body.reason });
      if (!withinChangeWindow('cancel', row.status, row.slotStart, now, this.lifecycle.changeCutoffMinutes)) {
        throw new DomainError('CHANGE_CUTOFF_PASSED');
      }
      const cancelled = await applyTransition(tx, row, { action: 'cancel', actor: { role, id: actor.id }, reason: body.reason, at: now });
      return bookingView(tx, cancelled, actor.id, this.policy(now));
    });
  }

  async reschedule(actor: AuthUser, id: string, body: RescheduleBody): Promise<BookingView> {
    return this.db.transaction(async (tx) => {
      const { row, role } = await this.lockVisible(tx, actor, id);
      if (row.version !== body.version) throw new DomainError('VERSION_CONFLICT');
      const now = this.clock.now();
      transition({ from: row.status, action: 'reschedule', role, reason: body.reason });
      if (!withinChangeWindow('reschedule', row.status, row.slotStart, now, this.lifecycle.changeCutoffMinutes)) {
        throw new DomainError('CHANGE_CUTOFF_PASSED');
      }
      const escort = await escortOf(tx, row);
      const slot = escort
        ? (upcomingEscortSlots(now, escort.pickUp).find((s) => Date.parse(s.start) === Date.parse(body.slotStart)) ?? null)
        : findSlot(row.serviceType, body.slotStart, now);
      if (!slot) throw new DomainError('SLOT_NOT_AVAILABLE');
      if (Date.parse(slot.start) === new Date(row.slotStart).getTime()) throw new DomainError('SLOT_UNCHANGED');

      const previousStaff = row.staffId;
      const matching = await applyTransition(tx, row, {
        action: 'reschedule', actor: { role, id: actor.id }, reason: body.reason ?? null, at: now, staffId: null,
      });
      const busy = busyRangeOf(slot);
      const moved = await repo.moveSlot(tx, {
        id: row.id, expectedVersion: matching.version, slotStart: slot.start, slotEnd: slot.end,
        busyStart: busy.busyStart, busyEnd: busy.busyEnd, at: now,
      });
      if (!moved) throw new DomainError('VERSION_CONFLICT');
      // An escort moves with its hospital appointment: the new window was derived from it.
      if (escort && slot.appointmentAt) await moveAppointment(tx, row.id, slot.appointmentAt);
      const [target] = await matchTargets(tx, [moved], await exclusionsFor(tx, [moved]));
      const best = await claimBestCandidate(tx, target, previousStaff);
      // The slot was offered a moment ago; if it just filled up, nothing changes and the person picks again.
      if (typeof best === 'string') throw new DomainError('SLOT_TAKEN');
      const offered = await offerTo(tx, moved, best, now, this.lifecycle.offerTtlMinutes);
      return bookingView(tx, offered, actor.id, this.policy(now));
    });
  }

  /** The times this visit can move to, each saying whether the current dedicated person can keep it. */
  async rescheduleSlots(actor: AuthUser, id: string): Promise<RescheduleSlots> {
    return this.db.transaction(async (tx) => {
      const row = await repo.findById(tx, id);
      if (!row || !(await visibleElderIds(tx, actor.id)).includes(row.elderId)) throw new DomainError('NOT_FOUND');
      const now = this.clock.now();
      const currentStart = new Date(row.slotStart).getTime();
      const escort = await escortOf(tx, row);
      const offered = escort ? upcomingEscortSlots(now, escort.pickUp) : upcomingSlots(row.serviceType, now);
      const slots = offered.filter((s) => Date.parse(s.start) !== currentStart);
      const [base] = await matchTargets(tx, [row], await exclusionsFor(tx, [row]));
      const snapshot = await loadSnapshot(tx, {
        skills: requiredSkills(row.serviceType, row.claimType),
        dates: [...new Set(slots.map((s) => s.date))],
        elderIds: [row.elderId],
        ignoreBookingIds: [row.id],
      });
      const baseReq = await requestFor(tx, base);
      const current = snapshot.staff.find((s) => s.id === row.staffId);
      const views: SlotView[] = [];
      for (const slot of slots) {
        const req = { ...baseReq, slotStart: slot.start, slotEnd: slot.end };
        const ctx = snapshot.contextFor(chinaDate(slot.start));
        const free = (s: StaffProfile) => ineligibility(s, req, ctx.commitmentsOf(s.id) ?? NO_COMMITMENTS) === null;
        const sameStaff = current ? free(current) : false;
        if (sameStaff || snapshot.staff.some(free)) views.push({ ...slot, sameStaff });
      }
      const cards = row.staffId ? await staffCards(tx, [row.staffId]) : new Map();
      const card = row.staffId ? cards.get(row.staffId) : undefined;
      return { days: slotDays(now, views), staff: card ? toStaffCard(card) : null };
    });
  }
}
