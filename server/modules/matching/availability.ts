/**
 * Turns loaded visits into the per-slot commitments the domain's matching rules expect, so slot
 * listing and booking use one rule set and a handful of queries instead of one per slot.
 */
import { chinaDate, chinaInstant, holdsSlot, type Slot, type StaffCommitments } from '@domain';
import type { StaffVisit } from './repository';

/** The instants bounding the China days the slots fall on: [first day 00:00, last day + 1 00:00). */
export function chinaDaysWindow(slots: readonly Pick<Slot, 'date'>[]): { from: Date; to: Date } {
  const dates = slots.map((s) => s.date).sort();
  const from = chinaInstant(dates[0], '00:00');
  const to = new Date(chinaInstant(dates[dates.length - 1], '00:00').getTime() + 86_400_000);
  return { from, to };
}

/** Each staff member's commitments on the China day of this slot. */
export function commitmentsForSlot(visits: readonly StaffVisit[], slot: Pick<Slot, 'date'>): Map<string, StaffCommitments> {
  const byStaff = new Map<string, StaffCommitments>();
  for (const v of visits) {
    if (chinaDate(v.slotStart) !== slot.date) continue;
    const c = byStaff.get(v.staffId) ?? { busy: [], visitsThatDay: 0 };
    c.visitsThatDay += 1;
    if (holdsSlot(v.status)) c.busy.push({ busyStart: new Date(v.busyStart), busyEnd: new Date(v.busyEnd) });
    byStaff.set(v.staffId, c);
  }
  return byStaff;
}
