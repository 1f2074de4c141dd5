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

/** Chooses each booking's point: among the starts it covers, the one the most bookings cover. */
export function mapPoints(m: BatchModel): PointMap {
  const users: Array<Array<[number, number]>> = m.slots.map(() => []);
  const points: PointMap = m.bookings.map((bk, b) => bk.options.map((o, i) => (users[o.slot].push([b, i]), -1)));
  let next = 0;
  users.forEach((list) => {
    const held = list.map(([b]) => m.bookings[b].p);
    const starts = [...new Set(held.map((p) => p.busyStartMs))];
    const cover = starts.map((t) => held.filter((p) => p.busyStartMs <= t && t < p.busyEndMs).length);
    list.forEach(([b, i], u) => {
      let best = -1;
      starts.forEach((t, s) => {
        if (held[u].busyStartMs <= t && t < held[u].busyEndMs && (best < 0 || cover[s] > cover[best])) best = s;
      });
      points[b][i] = next + best;
    });
    next += starts.length;
  });
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
  private readonly g = new FlowGraph();
  private readonly sink: number;
  private readonly bookingNodes: number[] = [];
  /** Per booking, per option: its arc. */
  private readonly arcs: number[][] = [];

  constructor(private readonly m: BatchModel, points: PointMap) {
    const g = this.g;
    this.sink = g.addNode();
    let minBase = 0;
    for (const bk of m.bookings) for (const o of bk.options) minBase = Math.min(minBase, o.baseCost);
    const offset = -minBase;
    const demand = m.slots.map(() => 0);
    for (const bk of m.bookings) for (const o of bk.options) demand[o.slot] += 1;
    const slotNode = m.slots.map(() => -1);
    const pointNode = new Map<number, number>();
    m.bookings.forEach((bk, b) => {
      const node = g.addNode();
      this.bookingNodes.push(node);
      this.arcs.push(
        bk.options.map((o, i) => {
          let pn = pointNode.get(points[b][i]);
          if (pn === undefined) {
            pn = g.addNode();
            pointNode.set(points[b][i], pn);
            g.addArc(pn, this.personDay(o.slot, slotNode, demand), 1, 0);
          }
          return g.addArc(node, pn, 1, o.baseCost + offset);
        }),
      );
      g.addArc(node, this.sink, 1, m.weights.unassigned + offset);
    });
  }

  /** A person-day's node: its k-th unit into the sink costs the k-th visit's day cost; the count is the cap. */
  private personDay(slot: number, slotNode: number[], demand: number[]): number {
    if (slotNode[slot] < 0) {
      slotNode[slot] = this.g.addNode();
      const { capLeft, v0 } = this.m.slots[slot];
      for (let k = 0; k < Math.min(capLeft, demand[slot]); k++) this.g.addArc(slotNode[slot], this.sink, 1, this.m.weights.dayVisitStep * (v0 + k));
    }
    return slotNode[slot];
  }

  solve(forbidden: ReadonlySet<number>): Relaxation {
    const { m, g } = this;
    const closed: number[] = [];
    for (const key of forbidden) {
      const b = Math.floor(key / m.slots.length);
      const i = m.bookings[b].options.findIndex((o) => o.slot === key % m.slots.length);
      if (i >= 0) closed.push(this.arcs[b][i]);
    }
    g.reset(closed);
    for (const node of this.bookingNodes) g.augment(node, this.sink);
    // Later augmentations may have moved earlier bookings: read the final flow.
    const x: Assignment = new Int32Array(m.bookings.length).fill(-1);
    this.arcs.forEach((arcs, b) => arcs.forEach((arc, i) => g.flowOn(arc) > 0 && (x[b] = i)));
    return { x };
  }
}
