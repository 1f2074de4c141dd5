/**
 * The flow relaxation of the batch: booking → (person-day, time point) → person-day → sink, plus
 * booking → sink for "nobody". A time point is a moment every booking sent to it holds, so its
 * capacity of one forbids only true clashes; the k-th unit into the sink from a person-day costs
 * the k-th visit's day cost (convex, so the cheapest is used first), and that arc count is the cap.
 * A booking whose held time spans two points (a 3-hour escort over two claim slots) sits on one of
 * them, so a clash there can slip through: the optimum of this flow is then a lower bound, and the
 * batch repairs or branches on it. When it has no clash it is the exact optimum.
 */
import { type Assignment, type BatchModel } from './batch-model';
import { FlowGraph } from './min-cost-flow';

/** For each booking and option: which time point of that person-day it occupies. */
export type PointMap = number[][];

/**
 * Chooses each booking's point: among the starts it covers, the one the most bookings cover (the
 * first such start in order of appearance). Points are numbered person-day by person-day, each
 * person-day's starts in the order its users (by booking, then option) first bring them.
 * Flat arrays: this looks at every option of the batch.
 */
export function mapPoints(m: BatchModel): PointMap {
  const nb = m.bookings.length;
  const ns = m.slots.length;
  const start = new Float64Array(nb);
  const end = new Float64Array(nb);
  // Users of each person-day (booking, option), in booking then option order: a counting sort.
  const first = new Int32Array(ns + 1);
  for (let b = 0; b < nb; b++) {
    const { p, options } = m.bookings[b];
    start[b] = p.busyStartMs;
    end[b] = p.busyEndMs;
    for (let i = 0; i < options.length; i++) first[options[i].slot + 1]++;
  }
  for (let d = 0; d < ns; d++) first[d + 1] += first[d];
  const fill = first.slice(0, ns);
  const userB = new Int32Array(first[ns]);
  const userI = new Int32Array(first[ns]);
  const points: PointMap = [];
  for (let b = 0; b < nb; b++) {
    const options = m.bookings[b].options;
    points.push(new Array<number>(options.length).fill(-1));
    for (let i = 0; i < options.length; i++) {
      const at = fill[options[i].slot]++;
      userB[at] = b;
      userI[at] = i;
    }
  }
  const starts: number[] = [];
  const cover: number[] = [];
  let next = 0;
  for (let d = 0; d < ns; d++) {
    // The distinct starts in order of first appearance (NaN counts as one, as in a Set).
    starts.length = 0;
    for (let u = first[d]; u < first[d + 1]; u++) {
      const t = start[userB[u]];
      let known = false;
      for (let s = 0; s < starts.length && !known; s++) known = starts[s] === t || (starts[s] !== starts[s] && t !== t);
      if (!known) starts.push(t);
    }
    cover.length = starts.length;
    for (let s = 0; s < starts.length; s++) {
      cover[s] = 0;
      for (let u = first[d]; u < first[d + 1]; u++) if (start[userB[u]] <= starts[s] && starts[s] < end[userB[u]]) cover[s]++;
    }
    for (let u = first[d]; u < first[d + 1]; u++) {
      const b = userB[u];
      let best = -1;
      for (let s = 0; s < starts.length; s++) {
        if (start[b] <= starts[s] && starts[s] < end[b] && (best < 0 || cover[s] > cover[best])) best = s;
      }
      points[b][userI[u]] = next + best;
    }
    next += starts.length;
  }
  return points;
}

/** A (booking, person-day) pair as one number, for the sets of forbidden pairs. */
export const pairKey = (m: BatchModel, b: number, slot: number): number => b * m.slots.length + slot;

export interface Relaxation {
  x: Assignment;
}

/**
 * The relaxation's network, built once per batch and re-solved with some (booking, person-day)
 * pairs forbidden (their arcs closed). Every cost is made ≥ 0 by one offset on the booking arcs,
 * which every booking crosses exactly once, so the optimum does not move.
 */
export class RelaxationSolver {
  private readonly g: FlowGraph;
  private readonly sink: number;
  private readonly bookingNodes: number[] = [];
  /** Per booking, per option: its arc. Also flat (booking b's at firstArc[b] ..), for reading the flow. */
  private readonly arcs: number[][] = [];
  private readonly flatArcs: Int32Array;
  private readonly firstArc: Int32Array;
  /** Per node (a point's, else -1): its arc to its person-day. Per person-day: its visit arcs into the sink, cheapest first. */
  private readonly pointArc: Int32Array;
  private readonly visitArcs: number[][];

  constructor(private readonly m: BatchModel, points: PointMap) {
    const nb = m.bookings.length;
    this.firstArc = new Int32Array(nb + 1);
    let minBase = 0;
    const demand = new Int32Array(m.slots.length);
    for (let b = 0; b < nb; b++) {
      const options = m.bookings[b].options;
      this.firstArc[b + 1] = this.firstArc[b] + options.length;
      for (let i = 0; i < options.length; i++) {
        minBase = Math.min(minBase, options[i].baseCost);
        demand[options[i].slot]++;
      }
    }
    const offset = -minBase;
    const options = this.firstArc[nb];
    // Upper bounds known up front: nodes (sink, bookings, points and person-days ≤ options each),
    // arcs (options, "nobody", points ≤ options, visits ≤ options).
    const g = (this.g = new FlowGraph(1 + nb + 2 * options, 3 * options + nb));
    this.sink = g.addNode();
    const slotNode = new Int32Array(m.slots.length).fill(-1);
    this.visitArcs = m.slots.map(() => []);
    // Points are numbered 0, 1, … (mapPoints), at most one per option: flat arrays, not maps. A
    // booking with no valid time (NaN) covers none of its starts and gets point − 1 there: hence + 1.
    const pointNode = new Int32Array(options + 1).fill(-1);
    this.pointArc = new Int32Array(1 + nb + 2 * options).fill(-1);
    this.flatArcs = new Int32Array(options);
    for (let b = 0; b < nb; b++) {
      const node = g.addNode();
      this.bookingNodes.push(node);
      const list = m.bookings[b].options;
      const arcs: number[] = [];
      for (let i = 0; i < list.length; i++) {
        let pn = pointNode[points[b][i] + 1];
        if (pn < 0) {
          pn = pointNode[points[b][i] + 1] = g.addNode();
          this.pointArc[pn] = g.addArc(pn, this.personDay(list[i].slot, slotNode, demand), 1, 0);
        }
        arcs.push((this.flatArcs[this.firstArc[b] + i] = g.addArc(node, pn, 1, list[i].baseCost + offset)));
      }
      this.arcs.push(arcs);
      g.addArc(node, this.sink, 1, m.weights.unassigned + offset);
    }
  }

  /** A person-day's node: its k-th unit into the sink costs the k-th visit's day cost; the count is the cap. */
  private personDay(slot: number, slotNode: Int32Array, demand: Int32Array): number {
    if (slotNode[slot] < 0) {
      slotNode[slot] = this.g.addNode();
      const { capLeft, v0 } = this.m.slots[slot];
      for (let k = 0; k < Math.min(capLeft, demand[slot]); k++) {
        this.visitArcs[slot].push(this.g.addArc(slotNode[slot], this.sink, 1, this.m.weights.dayVisitStep * (v0 + k)));
      }
    }
    return slotNode[slot];
  }

  /** The optimum with these (booking, person-day) pairs forbidden, solved from scratch. */
  solve(forbidden: ReadonlySet<number>): Relaxation {
    const closed: number[] = [];
    for (const key of forbidden) {
      const arc = this.arcOf(key);
      if (arc >= 0) closed.push(arc);
    }
    this.g.reset(closed);
    for (const node of this.bookingNodes) this.g.augment(node, this.sink);
    return this.read();
  }

  /**
   * The optimum after forbidding more pairs on top of the last solve (or close): only the
   * bookings those arcs carried are re-routed, instead of re-solving all bookings. Same optimal
   * cost as `solve` over the union of the pairs; among tied optima it may pick another one.
   */
  close(pairs: Iterable<number>): Relaxation {
    for (const key of pairs) {
      const arc = this.arcOf(key);
      if (arc < 0) continue;
      const b = Math.floor(key / this.m.slots.length);
      if (this.g.flowOn(arc) > 0 && this.g.withdraw(this.unitPath(arc, key % this.m.slots.length))) {
        // The booking's unit is off the network with potentials still valid: one ordinary augmentation.
        if (this.g.augment(this.bookingNodes[b], this.sink) === null) throw new Error('RelaxationSolver: a booking found no route');
      } else if (!this.g.closeArc(arc)) {
        // Every booking can always fall back on "nobody", so a route exists; guard anyway.
        throw new Error('RelaxationSolver: a closed booking found no route');
      }
    }
    return this.read();
  }

  /** The unit a booking sends through an option arc: that arc, its point's arc, the person-day's dearest used visit. */
  private unitPath(arc: number, slot: number): number[] {
    const visits = this.visitArcs[slot];
    let last = visits.length - 1;
    while (last > 0 && this.g.flowOn(visits[last]) === 0) last--;
    return [arc, this.pointArc[this.g.arcTarget(arc)], visits[last]];
  }

  /** The arc of a (booking, person-day) pair, or -1 when the booking has no such option. */
  private arcOf(key: number): number {
    const { m } = this;
    const b = Math.floor(key / m.slots.length);
    const i = m.bookings[b].options.findIndex((o) => o.slot === key % m.slots.length);
    return i >= 0 ? this.arcs[b][i] : -1;
  }

  /** Later augmentations may have moved earlier bookings: read the final flow. */
  private read(): Relaxation {
    const { flatArcs, firstArc, g } = this;
    const x: Assignment = new Int32Array(this.m.bookings.length).fill(-1);
    for (let b = 0; b < x.length; b++) {
      for (let j = firstArc[b]; j < firstArc[b + 1]; j++) if (g.flowOn(flatArcs[j]) > 0) x[b] = j - firstArc[b];
    }
    return { x };
  }
}
