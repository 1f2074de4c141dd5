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

/** Who is free at a visit time (hours, cap, busy), remembered per time across a batch. */
export type TimeMemo = Map<string, Map<string, StaffCommitments | null>>;

function timeKey(p: PreparedRequest): string {
  return `${p.busyStartMs}|${p.busyEndMs}|${p.weekday}|${p.from}|${p.to}`;
}

/** Who is free at this visit's time: null when hours, cap or a clash rule them out. */
function freeAtTime(ctx: MatchContext, p: PreparedRequest, memo?: TimeMemo): (staff: StaffProfile) => StaffCommitments | null {
  const check = (staff: StaffProfile) => {
    const c = ctx.commitmentsOf(staff.id) ?? NO_COMMITMENTS;
    return timeIneligible(staff, p, c) === null ? c : null;
  };
  if (!memo) return check;
  const key = timeKey(p);
  let byStaff = memo.get(key);
  if (!byStaff) memo.set(key, (byStaff = new Map()));
  const known = byStaff;
  return (staff) => {
    let c = known.get(staff.id);
    if (c === undefined) known.set(staff.id, (c = check(staff)));
    return c;
  };
}

/**
 * Everyone eligible with their cost, in no particular order (or only the `keep` cheapest, best
 * first). Costs are regrets: the person's weighted sum minus the lowest among everyone eligible,
 * so the ideal person costs 0 (plus their day term) and a total says how far an answer is from
 * giving every customer their ideal person.
 */
export function scoreEligible(pool: StaffPool, p: PreparedRequest, ctx: MatchContext, w: MatchWeights, memo?: TimeMemo, keep = Infinity): ScoredStaff[] {
  const req = p.req;
  const people: StaffProfile[] = [];
  const km: number[] = [];
  const day: number[] = [];
  const past: number[] = [];
  const load: number[] = [];
  let loadSum = 0;
  const freeAt = freeAtTime(ctx, p, memo);
  for (const staff of pool.near(req.location, p.skills)) {
    const d = distanceKm(staff.base, req.location);
    if (personIneligible(staff, p, d) !== null) continue;
    const c = freeAt(staff);
    if (c === null) continue;
    people.push(staff);
    km.push(d);
    day.push(c.visitsThatDay);
    past.push(ctx.pastVisitsWith(staff.id, req.customer.customerId));
    const l = ctx.recentLoadOf(staff.id);
    load.push(l);
    loadSum += l;
  }
  // The fair share is the mean recent load of the people who could take this visit.
  const fairShare = people.length ? loadSum / people.length : 0;
  const cost = people.map((staff, i) => preferenceCost(staff, km[i], past[i], req, w) + loadTerm(load[i], fairShare, w));
  const lowest = cost.reduce((m, c) => Math.min(m, c), Infinity);
  const all = people.map((staff, i) => ({ i, staff }));
  const chosen = keep >= all.length ? all : cheapest(all, keep, ({ i }) => cost[i] + w.dayVisitStep * day[i]);
  return chosen.map(({ i, staff }) => ({ staff, distanceKm: km[i], visitsThatDay: day[i], pastVisits: past[i], baseCost: cost[i] - lowest }));
}

/** The k cheapest by `cost`, cheapest first (a bounded insertion: k is small, lists are long). */
export function cheapest<T extends { staff: StaffProfile }>(items: readonly T[], k: number, cost: (t: T) => number): T[] {
  const order = byCost(cost);
  if (k >= items.length) return [...items].sort(order);
  const kept: T[] = [];
  for (const item of items) {
    if (kept.length === k && order(item, kept[k - 1]) >= 0) continue;
    let i = Math.min(kept.length, k - 1);
    if (kept.length < k) kept.push(item);
    while (i > 0 && order(item, kept[i - 1]) < 0) {
      kept[i] = kept[i - 1];
      i--;
    }
    kept[i] = item;
  }
  return kept;
}

/** Total order: cost, then id, so equal costs never depend on input order. */
export function byCost<T extends { staff: StaffProfile }>(cost: (t: T) => number): (a: T, b: T) => number {
  return (a, b) => cost(a) - cost(b) || (a.staff.id < b.staff.id ? -1 : a.staff.id > b.staff.id ? 1 : 0);
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
  return scoreEligible(asPool(staff), prepareRequest(req), ctx, weights)
    .sort(byCost(dayCost))
    .map((s) => toCandidate(s, req, dayCost(s)));
}
