/**
 * One booking at a time, each taking its best remaining candidate: how matching worked before the
 * batch, kept as the yardstick the batch must beat (and for the benchmark).
 */
import { buildModel, dayCost, objective, overlaps } from './batch-model';
import { asPool, type StaffPool } from './staff-pool';
import { toCandidate } from './rank';
import type { StaffProfile } from '../staff';
import type { BatchResult, MatchContext, MatchRequest } from './types';
import { MATCH_WEIGHTS, type MatchWeights } from './weights';

export function assignOneByOne(
  requests: readonly MatchRequest[],
  staff: readonly StaffProfile[] | StaffPool,
  ctx: MatchContext,
  weights: MatchWeights = MATCH_WEIGHTS,
): BatchResult & { objective: number } {
  const m = buildModel(requests, asPool(staff), ctx, weights, Infinity);
  const held: number[][] = m.slots.map(() => []);
  const x = new Int32Array(m.bookings.length).fill(-1);
  const result: BatchResult = { assignments: [], unassigned: [], totalCost: 0 };
  m.bookings.forEach((bk, b) => {
    let best = -1;
    let bestCost = Infinity;
    bk.options.forEach((o, i) => {
      const list = held[o.slot];
      if (list.length >= m.slots[o.slot].capLeft || list.some((c) => overlaps(m.bookings[c].p, bk.p))) return;
      const cost = o.baseCost + dayCost(m, o.slot, list.length);
      if (cost < bestCost) [best, bestCost] = [i, cost];
    });
    if (best < 0) {
      result.unassigned.push(requests[b].bookingId);
      return;
    }
    x[b] = best;
    held[bk.options[best].slot].push(b);
    result.totalCost += bestCost;
    result.assignments.push({ bookingId: requests[b].bookingId, candidate: toCandidate(bk.options[best].scored, requests[b], bestCost) });
  });
  return { ...result, objective: objective(m, x) };
}
