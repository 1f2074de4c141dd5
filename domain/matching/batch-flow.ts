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

/** The relaxation's optimum with some (booking, person-day) pairs forbidden. */
export function solveRelaxation(m: BatchModel, points: PointMap, forbidden: ReadonlySet<number>): Relaxation {
  const g = new FlowGraph();
  const sink = g.addNode();
  let minBase = 0;
  for (const bk of m.bookings) for (const o of bk.options) minBase = Math.min(minBase, o.baseCost);
  const offset = -minBase; // every booking sends one unit through exactly one such arc

  const slotNode = m.slots.map(() => -1);
  const pointNode = new Map<number, number>();
  const demand = m.slots.map(() => 0);
  m.bookings.forEach((bk) => bk.options.forEach((o) => (demand[o.slot] += 1)));
  const personDay = (slot: number): number => {
    if (slotNode[slot] < 0) {
      slotNode[slot] = g.addNode();
      const units = Math.min(m.slots[slot].capLeft, demand[slot]);
      for (let k = 0; k < units; k++) g.addArc(slotNode[slot], sink, 1, m.weights.dayVisitStep * (m.slots[slot].v0 + k));
    }
    return slotNode[slot];
  };

  const x: Assignment = new Int32Array(m.bookings.length).fill(-1);
  const arcsOf: Array<Array<[number, number]>> = [];
  const bookingNodes: number[] = [];
  // The whole graph first (all costs ≥ 0, so zero potentials are valid), then one unit per booking.
  m.bookings.forEach((bk, b) => {
    const node = g.addNode();
    bookingNodes.push(node);
    const arcs: Array<[number, number]> = [];
    bk.options.forEach((o, i) => {
      if (forbidden.size > 0 && forbidden.has(pairKey(m, b, o.slot))) return;
      const pt = points[b][i];
      let pn = pointNode.get(pt);
      if (pn === undefined) {
        pn = g.addNode();
        pointNode.set(pt, pn);
        g.addArc(pn, personDay(o.slot), 1, 0);
      }
      arcs.push([g.addArc(node, pn, 1, o.baseCost + offset), i]);
    });
    g.addArc(node, sink, 1, m.weights.unassigned + offset);
    arcsOf.push(arcs);
  });
  for (const node of bookingNodes) g.augment(node, sink);
  // Later augmentations may have moved earlier bookings: read the final flow.
  arcsOf.forEach((arcs, b) => {
    for (const [arc, i] of arcs) if (g.flowOn(arc) > 0) x[b] = i;
  });
  return { x };
}

