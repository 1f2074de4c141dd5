/**
 * Soft preferences: everyone eligible gets a cost (the weighted sum in MatchWeights), lowest first.
 * `baseCost` is what the person costs for this visit regardless of how full their day is; the day
 * term (dayVisitStep per visit already that day) is added on top, so a batch can add it per visit.
 */
import type { StaffProfile } from '../staff';
import { prepareRequest, type PreparedRequest } from './eligibility';
import { matchReasons } from './reasons';
import type { FreeMemo, Scan, StaffIndex } from './staff-index';
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
 * time (hours, cap, busy), each grid cell's people with the skills who are free at a time
 * (StaffIndex.freeLists), and each person's recent load. Visits share a handful of times and
 * skill sets, so this saves most of the checking.
 */
export interface ScoringMemo {
  index: StaffIndex | null;
  freeAt: Map<string, FreeMemo>;
  freeLists: Map<string, Int32Array[]>;
  load: Float64Array | null;
}

export const newScoringMemo = (): ScoringMemo => ({ index: null, freeAt: new Map(), freeLists: new Map(), load: null });

function timeKey(p: PreparedRequest): string {
  return `${p.busyStartMs}|${p.busyEndMs}|${p.weekday}|${p.from}|${p.to}`;
}

/** The memo's arrays for this request, when the memo belongs to this index. */
function memoFor(memo: ScoringMemo | undefined, index: StaffIndex, p: PreparedRequest, ctx: MatchContext): { free?: FreeMemo; loads?: Float64Array; lists?: Int32Array[] } {
  if (!memo || (memo.index !== null && memo.index !== index)) return {};
  memo.index = index;
  const loads = (memo.load ??= new Float64Array(index.n).fill(NaN));
  const key = timeKey(p);
  let free = memo.freeAt.get(key);
  if (!free) memo.freeAt.set(key, (free = new Int32Array(index.n).fill(-2)));
  const listKey = `${key}|${p.skillMask}`;
  let lists = memo.freeLists.get(listKey);
  if (!lists) memo.freeLists.set(listKey, (lists = index.freeLists(p, ctx, free)));
  return { free, loads, lists };
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

/** A booking's eligible people with their costs, in the work arrays (valid until the next scan). */
interface Costed {
  index: StaffIndex;
  s: Scan;
  lowest: number;
  past: Float64Array;
  cost: Float64Array;
  /** Cost plus the day term: what the ranking sorts by (ties by id rank). */
  key: Float64Array;
  rank: Int32Array;
}

/**
 * Scan and cost everyone eligible. One booking and a batch share this function and differ only in
 * what they pass, so the single bookings served before a batch have already warmed every branch
 * of it (a branch only a batch takes, inside code optimised on single bookings, made V8 bail out
 * of the optimised code on every booking of the batch).
 */
function costEligible(index: StaffIndex, p: PreparedRequest, ctx: MatchContext, w: MatchWeights, free?: FreeMemo, loads?: Float64Array, lists?: Int32Array[]): Costed {
  const s = index.scan(p, ctx, free, loads, lists);
  const n = s.count;
  let loadSum = 0;
  for (let k = 0; k < n; k++) loadSum += s.load[k];
  // The fair share is the mean recent load of the people who could take this visit.
  const fairShare = n ? loadSum / n : 0;
  const { customerId, dialect, preferredGender } = p.req.customer;
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
    rank[k] = index.idRank[i];
  }
  return { index, s, lowest, past, cost, key, rank };
}

/**
 * Costs are regrets: the person's weighted sum minus the lowest among everyone eligible, so the
 * ideal person costs 0 (plus their day term) and a total says how far an answer is from giving
 * every customer their ideal person.
 */
function scoredAt(c: Costed, positions: number[]): ScoredStaff[] {
  const { index, s, past, cost, lowest } = c;
  return positions.map((k) => ({
    staff: index.staff[s.who[k]],
    distanceKm: s.km[k],
    visitsThatDay: s.day[k],
    pastVisits: past[k],
    baseCost: cost[k] - lowest,
  }));
}

/** Everyone eligible with their cost, best first. */
export function scoreEligible(pool: StaffPool, p: PreparedRequest, ctx: MatchContext, w: MatchWeights): ScoredStaff[] {
  const c = costEligible(indexFor(pool, p.req.location, p.skills), p, ctx, w);
  return scoredAt(c, inOrder(c.key, c.rank));
}

/** A batch's view: only the `keep` cheapest, best first, remembering facts across bookings in `memo`. */
export function scoreCheapest(pool: StaffPool, p: PreparedRequest, ctx: MatchContext, w: MatchWeights, memo: ScoringMemo, keep: number): ScoredStaff[] {
  const index = indexFor(pool, p.req.location, p.skills);
  const { free, loads, lists } = memoFor(memo, index, p, ctx);
  const c = costEligible(index, p, ctx, w, free, loads, lists);
  return scoredAt(c, keep >= c.key.length ? inOrder(c.key, c.rank) : cheapest(c.key, c.rank, keep));
}

/** Lower key first, ties by id rank (a NaN key compares equal to anything). */
function before(key: Float64Array, rank: Int32Array, a: number, b: number): number {
  const d = key[a] - key[b];
  return d < 0 ? -1 : d > 0 ? 1 : d === 0 ? rank[a] - rank[b] : 0;
}

/** All positions, best first. */
function inOrder(key: Float64Array, rank: Int32Array): number[] {
  return Array.from({ length: key.length }, (_, i) => i).sort((a, b) => before(key, rank, a, b));
}

/** Positions of the k lowest keys (ties by id rank), lowest first; k is small, lists long. */
function cheapest(key: Float64Array, rank: Int32Array, k: number): number[] {
  const n = key.length;
  const kept: number[] = [];
  for (let i = 0; i < n; i++) {
    if (kept.length === k) {
      // Most people lose to the last kept on the key alone (or a NaN key: equal, so not before).
      const last = kept[k - 1];
      if (!(key[i] <= key[last]) || before(key, rank, i, last) >= 0) continue;
    }
    let at = kept.length < k ? kept.length : k - 1;
    if (kept.length < k) kept.push(i);
    while (at > 0 && before(key, rank, i, kept[at - 1]) < 0) {
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
