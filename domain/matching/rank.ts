/**
 * Soft preferences: everyone eligible gets a cost (the weighted sum in MatchWeights), lowest first.
 * `baseCost` is what the person costs for this visit regardless of how full their day is; the day
 * term (dayVisitStep per visit already that day) is added on top, so a batch can add it per visit.
 */
import type { StaffProfile } from '../staff';
import { prepareRequest, type PreparedRequest } from './eligibility';
import { matchReasons } from './reasons';
import type { FreeMemo, StaffIndex } from './staff-index';
import { asPool, indexFor, type StaffPool } from './staff-pool';
import type { Candidate, MatchContext, MatchRequest } from './types';
import { MATCH_WEIGHTS, type MatchWeights } from './weights';

export interface ScoredStaff {
  staff: StaffProfile;
  distanceKm: number;
  visitsThatDay: number;
  pastVisits: number;
  /** Cost without the day term. */
  baseCost: number;
}

function loadTerm(load: number, fairShare: number, w: MatchWeights): number {
  if (load > fairShare) return w.loadPerVisitOverFair * (load - fairShare);
  return -w.loadCreditPerVisitUnderFair * Math.min(fairShare - load, w.loadCreditMaxVisits);
}

/**
 * What a batch remembers across its bookings, for the one pool it scans: who is free at each visit
 * time (hours, cap, busy) and each person's recent load. Visits share a handful of times, so this
 * saves most of the checking.
 */
export interface ScoringMemo {
  index: StaffIndex | null;
  freeAt: Map<string, FreeMemo>;
  load: Float64Array | null;
}

export const newScoringMemo = (): ScoringMemo => ({ index: null, freeAt: new Map(), load: null });

function timeKey(p: PreparedRequest): string {
  return `${p.busyStartMs}|${p.busyEndMs}|${p.weekday}|${p.from}|${p.to}`;
}

/** The memo's arrays for this request, when the memo belongs to this index. */
function memoFor(memo: ScoringMemo | undefined, index: StaffIndex, p: PreparedRequest): { free?: FreeMemo; loads?: Float64Array } {
  if (!memo || (memo.index !== null && memo.index !== index)) return {};
  memo.index = index;
  const loads = (memo.load ??= new Float64Array(index.n).fill(NaN));
  const key = timeKey(p);
  let free = memo.freeAt.get(key);
  if (!free) memo.freeAt.set(key, (free = new Int32Array(index.n).fill(-2)));
  return { free, loads };
}

/** Per-eligible work arrays, kept between calls (a booking's ~400 people: fresh buffers per call cost more than the work). */
let scratch = { past: new Float64Array(0), cost: new Float64Array(0), key: new Float64Array(0), rank: new Int32Array(0) };

/** Views of length n on the work arrays (grown when needed); valid until the next call. */
function scratchFor(n: number): typeof scratch {
  if (scratch.cost.length < n) {
    const size = Math.max(n, 2 * scratch.cost.length);
    scratch = { past: new Float64Array(size), cost: new Float64Array(size), key: new Float64Array(size), rank: new Int32Array(size) };
  }
  return { past: scratch.past.subarray(0, n), cost: scratch.cost.subarray(0, n), key: scratch.key.subarray(0, n), rank: scratch.rank.subarray(0, n) };
}

/**
 * Everyone eligible with their cost (or only the `keep` cheapest, best first). Costs are regrets:
 * the person's weighted sum minus the lowest among everyone eligible, so the ideal person costs 0
 * (plus their day term) and a total says how far an answer is from giving every customer their
 * ideal person.
 */
export function scoreEligible(pool: StaffPool, p: PreparedRequest, ctx: MatchContext, w: MatchWeights, memo?: ScoringMemo, keep = Infinity): ScoredStaff[] {
  const req = p.req;
  const index = indexFor(pool, req.location, p.skills);
  const { free, loads } = memoFor(memo, index, p);
  const s = index.scan(p, ctx, free, loads);
  const n = s.count;
  let loadSum = 0;
  for (let k = 0; k < n; k++) loadSum += s.load[k];
  // The fair share is the mean recent load of the people who could take this visit.
  const fairShare = n ? loadSum / n : 0;
  const { customerId, dialect, preferredGender } = req.customer;
  const speaks = index.speakerTest(dialect);
  const { past, cost, key, rank } = scratchFor(n);
  let lowest = Infinity;
  for (let k = 0; k < n; k++) {
    const i = s.who[k];
    past[k] = ctx.pastVisitsWith(index.ids[i], customerId);
    let c = w.perKm * s.km[k] - w.continuityPerVisit * Math.min(past[k], w.continuityMaxVisits);
    if (dialect && !speaks(i)) c += w.dialect;
    if (preferredGender && index.gender[i] !== preferredGender) c += w.genderMismatch;
    c = c + w.ratingPerStar * Math.max(0, 5 - index.rating[i]);
    cost[k] = c + loadTerm(s.load[k], fairShare, w);
    key[k] = cost[k] + w.dayVisitStep * s.day[k];
    if (cost[k] < lowest) lowest = cost[k];
  }
  for (let k = 0; k < n; k++) rank[k] = index.idRank[s.who[k]];
  return cheapest(key, rank, keep).map((k) => ({
    staff: index.staff[s.who[k]],
    distanceKm: s.km[k],
    visitsThatDay: s.day[k],
    pastVisits: past[k],
    baseCost: cost[k] - lowest,
  }));
}

/** Positions of the k lowest keys (ties by id rank), lowest first; k is small, lists long. */
function cheapest(key: Float64Array, rank: Int32Array, k: number): number[] {
  const n = key.length;
  const order = (a: number, b: number) => {
    const d = key[a] - key[b];
    return d < 0 ? -1 : d > 0 ? 1 : d === 0 ? rank[a] - rank[b] : 0;
  };
  if (k >= n) return Array.from({ length: n }, (_, i) => i).sort(order);
  const kept: number[] = [];
  for (let i = 0; i < n; i++) {
    if (kept.length === k && order(i, kept[k - 1]) >= 0) continue;
    let at = kept.length < k ? kept.length : k - 1;
    if (kept.length < k) kept.push(i);
    while (at > 0 && order(i, kept[at - 1]) < 0) {
      kept[at] = kept[at - 1];
      at--;
    }
    kept[at] = i;
  }
  return kept;
}

export function toCandidate(s: ScoredStaff, req: MatchRequest, cost: number): Candidate {
  return {
    staff: s.staff,
    distanceKm: s.distanceKm,
    visitsThatDay: s.visitsThatDay,
    pastVisits: s.pastVisits,
    cost,
    reasons: matchReasons(s.staff, req, s.distanceKm, s.pastVisits),
  };
}

/** Everyone eligible, best (lowest cost) first, each with the reasons to show. */
export function rankCandidates(
  staff: readonly StaffProfile[] | StaffPool,
  req: MatchRequest,
  ctx: MatchContext,
  weights: MatchWeights = MATCH_WEIGHTS,
): Candidate[] {
  const dayCost = (s: ScoredStaff) => s.baseCost + weights.dayVisitStep * s.visitsThatDay;
  return scoreEligible(asPool(staff), prepareRequest(req), ctx, weights).map((s) => toCandidate(s, req, dayCost(s)));
}
