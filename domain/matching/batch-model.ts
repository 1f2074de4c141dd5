/**
 * The batch problem in index form: each booking's options (its top candidates), each person-day's
 * remaining capacity, and the one objective every solver here is judged by:
 *   Σ baseCost + Σ per person-day dayVisitStep × (v0 + k) for their k-th new visit + unassigned × each left over.
 */
import { prepareRequest, type PreparedRequest, type VisitTimes } from './eligibility';
import { newScoringMemo, scoreCheapest, type ScoredStaff } from './rank';
import type { StaffPool } from './staff-pool';
import type { MatchContext, MatchRequest } from './types';
import type { MatchWeights } from './weights';

export interface BatchOption {
  /** Index into BatchModel.slots (a person on a day). */
  slot: number;
  baseCost: number;
  scored: ScoredStaff;
}

export interface BatchBooking {
  p: PreparedRequest;
  /** Best first. */
  options: BatchOption[];
}

export interface PersonDay {
  staffId: string;
  /** Visits already held that day, and how many more fit under the daily cap. */
  v0: number;
  capLeft: number;
}

export interface BatchModel {
  bookings: BatchBooking[];
  slots: PersonDay[];
  weights: MatchWeights;
}

/** Per booking: index into its options, or -1 for nobody. */
export type Assignment = Int32Array;

export function buildModel(requests: readonly MatchRequest[], pool: StaffPool, ctx: MatchContext, w: MatchWeights, topK: number): BatchModel {
  const slots: PersonDay[] = [];
  // Person-days by day, then staff id (no string building per option).
  const slotIndex = new Map<string, Map<string, number>>();
  const memo = newScoringMemo();
  const times = new Map<string, VisitTimes>();
  const bookings = requests.map((req) => {
    const p = prepareRequest(req, times);
    let onDay = slotIndex.get(p.day);
    if (!onDay) slotIndex.set(p.day, (onDay = new Map()));
    const options = scoreCheapest(pool, p, ctx, w, memo, topK).map((scored) => {
      let slot = onDay.get(scored.staff.id);
      if (slot === undefined) {
        slot = slots.length;
        onDay.set(scored.staff.id, slot);
        slots.push({ staffId: scored.staff.id, v0: scored.visitsThatDay, capLeft: scored.staff.dailyCap - scored.visitsThatDay });
      }
      return { slot, baseCost: scored.baseCost, scored };
    });
    return { p, options };
  });
  return { bookings, slots, weights: w };
}

/** The k-th (0-based) new visit of a person-day costs this on top of the base cost. */
export function dayCost(m: BatchModel, slot: number, k: number): number {
  return m.weights.dayVisitStep * (m.slots[slot].v0 + k);
}

export function overlaps(a: PreparedRequest, b: PreparedRequest): boolean {
  return a.busyStartMs < b.busyEndMs && b.busyStartMs < a.busyEndMs;
}

/** Bookings held by each person-day under an assignment. */
export function holdings(m: BatchModel, x: Assignment): number[][] {
  const held: number[][] = m.slots.map(() => []);
  x.forEach((o, b) => {
    if (o >= 0) held[m.bookings[b].options[o].slot].push(b);
  });
  return held;
}

export function objective(m: BatchModel, x: Assignment): number {
  let total = 0;
  x.forEach((o, b) => {
    total += o >= 0 ? m.bookings[b].options[o].baseCost : m.weights.unassigned;
  });
  holdings(m, x).forEach((list, slot) => {
    for (let k = 0; k < list.length; k++) total += dayCost(m, slot, k);
  });
  return total;
}

export interface Clash {
  slot: number;
  a: number;
  b: number;
}

/** Every pair of bookings one person holds at overlapping times. */
export function clashes(m: BatchModel, x: Assignment): Clash[] {
  const found: Clash[] = [];
  holdings(m, x).forEach((list, slot) => {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (overlaps(m.bookings[list[i]].p, m.bookings[list[j]].p)) found.push({ slot, a: list[i], b: list[j] });
      }
    }
  });
  return found;
}

/** Breaks the cap? (The flow never does; repairs and tests check it.) */
export function overCap(m: BatchModel, x: Assignment): boolean {
  return holdings(m, x).some((list, slot) => list.length > m.slots[slot].capLeft);
}
