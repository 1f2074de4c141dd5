/**
 * Assigning many bookings together (a person fell ill, a morning's backlog, a rematch wave) so the
 * total cost is lowest, never with a clash or a broken cap. Each booking keeps its top candidates.
 * The flow relaxation (batch-flow) is exact when nobody ends up with overlapping visits, and a
 * lower bound otherwise. Then: a dive (forbid, for each clash, the booking that loses least by
 * moving, and re-solve until no clash is left), local search on the result, and, while the work
 * budget lasts, a depth-first branch and bound (forbid one or the other clashing booking) that
 * proves small batches optimal.
 */
import { mapPoints, pairKey, RelaxationSolver } from './batch-flow';
import { repairAndImprove } from './batch-improve';
import { buildModel, clashes, dayCost, holdings, objective, type Assignment, type BatchModel, type Clash } from './batch-model';
import { toCandidate } from './rank';
import { asPool, type StaffPool } from './staff-pool';
import type { BatchResult, MatchContext, MatchRequest } from './types';
import type { StaffProfile } from '../staff';
import { MATCH_WEIGHTS, type MatchWeights } from './weights';

export interface BatchOptions {
  /** Candidates kept per booking (the cheapest ones). */
  topK?: number;
  /** Flow arcs the branch and bound may solve in total (each node re-solves every booking's arcs). */
  searchWork?: number;
}

export const BATCH_DEFAULTS: Required<BatchOptions> = { topK: 32, searchWork: 100_000 };

export interface BatchOutcome extends BatchResult {
  /** totalCost + weights.unassigned × unassigned: what is minimised. */
  objective: number;
  /** No answer over the kept candidates can have a lower objective than this. */
  lowerBound: number;
  /** True when the answer is proved optimal over the kept candidates. */
  optimal: boolean;
}

const EPS = 1e-7;
const MAX_DIVE_ROUNDS = 12;
const MIN_SEARCH_NODES = 8;

interface Search {
  m: BatchModel;
  solver: RelaxationSolver;
  best: Assignment;
  bestValue: number;
  nodesLeft: number;
  exhausted: boolean;
}

function offer(s: Search, x: Assignment): void {
  const value = objective(s.m, x);
  if (value < s.bestValue - EPS) [s.best, s.bestValue] = [x, value];
}

/** What booking b loses by leaving this person for its next best allowed option. */
function lossOfMoving(m: BatchModel, x: Assignment, b: number, slot: number, forbidden: ReadonlySet<number>): number {
  const options = m.bookings[b].options;
  const next = options.find((o) => o.slot !== slot && !forbidden.has(pairKey(m, b, o.slot)));
  return (next ? next.baseCost : m.weights.unassigned) - options[x[b]].baseCost;
}

/** Forbid, for every clash at once, the booking that loses least; re-solve until clean. The
 *  solver must hold the optimum of `start` (the root) when the dive begins. */
function dive(s: Search, start: Assignment, firstClashes: Clash[]): void {
  const forbidden = new Set<number>();
  let x = start;
  let found = firstClashes;
  for (let round = 0; round < MAX_DIVE_ROUNDS && found.length > 0; round++) {
    const added: number[] = [];
    for (const { slot, a, b } of found) {
      const drop = lossOfMoving(s.m, x, a, slot, forbidden) <= lossOfMoving(s.m, x, b, slot, forbidden) ? a : b;
      const key = pairKey(s.m, drop, slot);
      if (!forbidden.has(key)) added.push(key);
      forbidden.add(key);
    }
    // The forbidden set only grows along the dive: re-route just what the new pairs carried.
    x = s.solver.close(added).x;
    found = clashes(s.m, x);
  }
  offer(s, repairAndImprove(s.m, x));
}

function branch(s: Search, forbidden: Set<number>, x: Assignment): void {
  const value = objective(s.m, x);
  if (value >= s.bestValue - EPS) return;
  const [clash] = clashes(s.m, x);
  if (!clash) {
    offer(s, x);
    return;
  }
  for (const b of [clash.a, clash.b]) {
    if (s.nodesLeft <= 0) {
      s.exhausted = true;
      return;
    }
    s.nodesLeft--;
    forbidden.add(pairKey(s.m, b, clash.slot));
    branch(s, forbidden, s.solver.solve(forbidden).x);
    forbidden.delete(pairKey(s.m, b, clash.slot));
  }
}

function toResult(m: BatchModel, requests: readonly MatchRequest[], x: Assignment): BatchResult {
  const held = holdings(m, x);
  for (const list of held) list.sort((i, j) => m.bookings[i].p.busyStartMs - m.bookings[j].p.busyStartMs);
  const assignments: BatchResult['assignments'] = [];
  const unassigned: string[] = [];
  let totalCost = 0;
  x.forEach((o, b) => {
    const req = requests[b];
    if (o < 0) {
      unassigned.push(req.bookingId);
      return;
    }
    const opt = m.bookings[b].options[o];
    // The person's new visits in time order: the k-th pays the k-th day cost.
    const cost = opt.baseCost + dayCost(m, opt.slot, held[opt.slot].indexOf(b));
    totalCost += cost;
    assignments.push({ bookingId: req.bookingId, candidate: toCandidate(opt.scored, req, cost) });
  });
  return { assignments, unassigned, totalCost };
}

/** Everything assignBatch decides, with the proof of quality (bound, optimality). */
export function solveBatch(
  requests: readonly MatchRequest[],
  staff: readonly StaffProfile[] | StaffPool,
  ctx: MatchContext,
  weights: MatchWeights = MATCH_WEIGHTS,
  options: BatchOptions = {},
): BatchOutcome {
  const { topK, searchWork } = { ...BATCH_DEFAULTS, ...options };
  return solveModel(buildModel(requests, asPool(staff), ctx, weights, topK), requests, searchWork);
}

/** The optimisation alone, on candidate lists already scored (the benchmark times it apart). */
export function solveModel(m: BatchModel, requests: readonly MatchRequest[], searchWork = BATCH_DEFAULTS.searchWork): BatchOutcome {
  const solver = new RelaxationSolver(m, mapPoints(m));
  const root = solver.solve(new Set<number>()).x;
  const lowerBound = objective(m, root);
  const rootClashes = clashes(m, root);
  let best = root;
  let optimal = true;
  if (rootClashes.length > 0) {
    const arcs = m.bookings.reduce((n, b) => n + b.options.length + 1, 0);
    const s: Search = { m, solver, best: root, bestValue: Infinity, nodesLeft: Math.floor(searchWork / arcs), exhausted: false };
    dive(s, root, rootClashes);
    // Too few nodes to prove anything on a big batch: the dive's answer stands, with its bound.
    if (s.nodesLeft >= MIN_SEARCH_NODES) branch(s, new Set<number>(), root);
    else s.exhausted = true;
    best = s.best;
    optimal = !s.exhausted || s.bestValue <= lowerBound + EPS;
  }
  return { ...toResult(m, requests, best), objective: objective(m, best), lowerBound, optimal };
}

/** Assign many bookings together, minimising total cost under skills, daily cap and time clashes. */
export function assignBatch(
  requests: readonly MatchRequest[],
  staff: readonly StaffProfile[] | StaffPool,
  ctx: MatchContext,
  weights: MatchWeights = MATCH_WEIGHTS,
): BatchResult {
  const { assignments, unassigned, totalCost } = solveBatch(requests, staff, ctx, weights);
  return { assignments, unassigned, totalCost };
}
