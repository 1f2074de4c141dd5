/**
 * Soft preferences: everyone eligible gets a cost (the weighted sum in MatchWeights), lowest first.
 * `baseCost` is what the person costs for this visit regardless of how full their day is; the day
 * term (dayVisitStep per visit already that day) is added on top, so a batch can add it per visit.
 */
import { distanceKm } from '../geo';
import type { StaffProfile } from '../staff';
import { personIneligible, prepareRequest, timeIneligible, type PreparedRequest } from './eligibility';
import { matchReasons } from './reasons';
import { asPool, type StaffPool } from './staff-pool';
import { NO_COMMITMENTS, type Candidate, type MatchContext, type MatchRequest, type StaffCommitments } from './types';
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

function preferenceCost(staff: StaffProfile, km: number, pastVisits: number, req: MatchRequest, w: MatchWeights): number {
  const { dialect, preferredGender } = req.customer;
  let cost = w.perKm * km - w.continuityPerVisit * Math.min(pastVisits, w.continuityMaxVisits);
  if (dialect && !staff.dialects.includes(dialect)) cost += w.dialect;
  if (preferredGender && staff.gender !== preferredGender) cost += w.genderMismatch;
  return cost + w.ratingPerStar * Math.max(0, 5 - staff.rating);
}

/**
 * What a batch remembers across its bookings: who is free at each visit time (hours, cap, busy;
 * null when not) and each person's recent load. Visits share a handful of times, so this saves
 * most of the checking.
 */
export interface ScoringMemo {
  freeAt: Map<string, Map<StaffProfile, StaffCommitments | null>>;
  load: Map<StaffProfile, number>;
}

export const newScoringMemo = (): ScoringMemo => ({ freeAt: new Map(), load: new Map() });

function timeKey(p: PreparedRequest): string {
  return `${p.busyStartMs}|${p.busyEndMs}|${p.weekday}|${p.from}|${p.to}`;
}

function freeAt(staff: StaffProfile, p: PreparedRequest, ctx: MatchContext, known?: Map<StaffProfile, StaffCommitments | null>): StaffCommitments | null {
  let c = known?.get(staff);
  if (c === undefined) {
    const mine = ctx.commitmentsOf(staff.id) ?? NO_COMMITMENTS;
    c = timeIneligible(staff, p, mine) === null ? mine : null;
    known?.set(staff, c);
  }
  return c;
}

function loadOf(staff: StaffProfile, ctx: MatchContext, known?: Map<StaffProfile, number>): number {
  let l = known?.get(staff);
  if (l === undefined) {
    l = ctx.recentLoadOf(staff.id);
    known?.set(staff, l);
  }
  return l;
}

/**
 * Everyone eligible with their cost (or only the `keep` cheapest, best first). Costs are regrets:
 * the person's weighted sum minus the lowest among everyone eligible, so the ideal person costs 0
 * (plus their day term) and a total says how far an answer is from giving every customer their
 * ideal person.
 */
export function scoreEligible(pool: StaffPool, p: PreparedRequest, ctx: MatchContext, w: MatchWeights, memo?: ScoringMemo, keep = Infinity): ScoredStaff[] {
  const req = p.req;
  let known: Map<StaffProfile, StaffCommitments | null> | undefined;
  if (memo) {
    const key = timeKey(p);
    known = memo.freeAt.get(key);
    if (!known) memo.freeAt.set(key, (known = new Map()));
  }
  const people: StaffProfile[] = [];
  const km: number[] = [];
  const day: number[] = [];
  const load: number[] = [];
  let loadSum = 0;
  for (const staff of pool.near(req.location, p.skills)) {
    const d = distanceKm(staff.base, req.location);
    if (personIneligible(staff, p, d) !== null) continue;
    const c = freeAt(staff, p, ctx, known);
    if (c === null) continue;
    const l = loadOf(staff, ctx, memo?.load);
    people.push(staff);
    km.push(d);
    day.push(c.visitsThatDay);
    load.push(l);
    loadSum += l;
  }
  // The fair share is the mean recent load of the people who could take this visit.
  const n = people.length;
  const fairShare = n ? loadSum / n : 0;
  const past: number[] = new Array(n);
  const cost: number[] = new Array(n);
  let lowest = Infinity;
  for (let i = 0; i < n; i++) {
    past[i] = ctx.pastVisitsWith(people[i].id, req.customer.customerId);
    cost[i] = preferenceCost(people[i], km[i], past[i], req, w) + loadTerm(load[i], fairShare, w);
    if (cost[i] < lowest) lowest = cost[i];
  }
  const order = cheapestIndices(people, keep, (i) => cost[i] + w.dayVisitStep * day[i]);
  return order.map((i) => ({ staff: people[i], distanceKm: km[i], visitsThatDay: day[i], pastVisits: past[i], baseCost: cost[i] - lowest }));
}

/** Indices of the k cheapest by `cost` (ties by staff id), cheapest first; k is small, lists long. */
function cheapestIndices(people: readonly StaffProfile[], k: number, cost: (i: number) => number): number[] {
  const before = (i: number, j: number) => {
    const d = cost(i) - cost(j);
    return d < 0 || (d === 0 && people[i].id < people[j].id);
  };
  if (k >= people.length) return people.map((_, i) => i).sort((i, j) => (before(i, j) ? -1 : before(j, i) ? 1 : 0));
  const kept: number[] = [];
  for (let i = 0; i < people.length; i++) {
    if (kept.length === k && !before(i, kept[k - 1])) continue;
    let at = kept.length < k ? kept.length : k - 1;
    if (kept.length < k) kept.push(i);
    while (at > 0 && before(i, kept[at - 1])) {
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
