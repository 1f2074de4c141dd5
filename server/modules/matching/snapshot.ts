/**
 * Everything matching needs to know about staff on some China days, loaded in a handful of
 * queries and then read in memory: profiles, held visits, leave, recent workload and who served
 * whom before. Slot listing, single matches, batches and reschedules all read the same snapshot.
 */
import {
  chinaDate,
  chinaInstant,
  holdsSlot,
  type MatchContext,
  type Skill,
  type StaffCommitments,
  type StaffProfile,
} from '@domain';
import type { Queryable } from '../../db';
import {
  loadLeave,
  loadPastVisits,
  loadRecentLoad,
  loadStaffVisits,
  loadStaffWithAnySkill,
  type StaffVisit,
} from './repository';

/** Days of workload behind a visit's day that count towards the fair share. */
export const FAIRNESS_WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;
const EMPTY: StaffCommitments = { busy: [], visitsThatDay: 0 };

export interface SnapshotScope {
  skills: readonly Skill[];
  /** China dates (YYYY-MM-DD) of the visits to match. */
  dates: readonly string[];
  elderIds: readonly string[];
  /** Bookings whose own hold must not block them (a visit being moved or matched again). */
  ignoreBookingIds?: readonly string[];
  /** Only these staff members (re-checking locked rows). */
  onlyStaffIds?: readonly string[];
}

export class StaffSnapshot {
  private readonly ignore: Set<string>;
  private readonly byDate = new Map<string, Map<string, StaffCommitments>>();

  constructor(
    readonly staff: readonly StaffProfile[],
    private readonly visits: readonly StaffVisit[],
    private readonly leave: ReadonlyArray<{ staffId: string; busyStart: Date; busyEnd: Date }>,
    private readonly recentLoad: ReadonlyMap<string, number>,
    private readonly pastVisits: ReadonlyMap<string, number>,
    ignoreBookingIds: readonly string[] = [],
  ) {
    this.ignore = new Set(ignoreBookingIds);
  }

  /** Each staff member's held time and visits on this China date (leave counts as held time). */
  commitmentsOn(date: string): Map<string, StaffCommitments> {
    const cached = this.byDate.get(date);
    if (cached) return cached;
    const out = new Map<string, StaffCommitments>();
    const get = (id: string) => out.get(id) ?? (out.set(id, { busy: [], visitsThatDay: 0 }).get(id) as StaffCommitments);
    for (const v of this.visits) {
      if (this.ignore.has(v.id) || chinaDate(v.slotStart) !== date) continue;
      const c = get(v.staffId);
      c.visitsThatDay += 1;
      if (holdsSlot(v.status)) c.busy.push({ busyStart: new Date(v.busyStart), busyEnd: new Date(v.busyEnd) });
    }
    const dayStart = chinaInstant(date, '00:00');
    const dayEnd = new Date(dayStart.getTime() + DAY_MS);
    for (const l of this.leave) {
      if (new Date(l.busyStart) < dayEnd && new Date(l.busyEnd) > dayStart) {
        get(l.staffId).busy.push({ busyStart: new Date(l.busyStart), busyEnd: new Date(l.busyEnd) });
      }
    }
    this.byDate.set(date, out);
    return out;
  }

  /** The engine's view of the staff on this date. */
  contextFor(date: string): MatchContext {
    const commitments = this.commitmentsOn(date);
    return {
      commitmentsOf: (staffId) => commitments.get(staffId) ?? EMPTY,
      recentLoadOf: (staffId) => this.recentLoad.get(staffId) ?? 0,
      pastVisitsWith: (staffId, customerId) => this.pastVisits.get(`${staffId}/${customerId}`) ?? 0,
    };
  }
}

/** Loads a snapshot for visits on these dates: 5 queries whatever the number of staff. */
export async function loadSnapshot(q: Queryable, scope: SnapshotScope): Promise<StaffSnapshot> {
  const all = await loadStaffWithAnySkill(q, scope.skills);
  const only = scope.onlyStaffIds ? new Set(scope.onlyStaffIds) : null;
  const staff = only ? all.filter((s) => only.has(s.id)) : all;
  const ids = staff.map((s) => s.id);
  const dates = [...scope.dates].sort();
  if (dates.length === 0) return new StaffSnapshot(staff, [], [], new Map(), new Map());
  const from = chinaInstant(dates[0], '00:00');
  const to = new Date(chinaInstant(dates[dates.length - 1], '00:00').getTime() + DAY_MS);
  const loadFrom = new Date(from.getTime() - (FAIRNESS_WINDOW_DAYS - 1) * DAY_MS);
  const [visits, leave, recent, past] = [
    await loadStaffVisits(q, ids, from, to),
    await loadLeave(q, ids, from, to),
    await loadRecentLoad(q, ids, loadFrom, to),
    await loadPastVisits(q, scope.elderIds),
  ];
  return new StaffSnapshot(staff, visits, leave, recent, past, scope.ignoreBookingIds);
}
