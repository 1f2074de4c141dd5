/**
 * The dive re-solves warm: closing arcs on the current optimum (FlowGraph.closeArc, or withdrawing
 * a booking's unit and augmenting it again) must reach the same optimal cost as solving from
 * scratch with the same arcs closed, on random networks (ties may pick another optimum).
 */
import fc from 'fast-check';
import { MATCH_WEIGHTS } from '@domain';
import { mapPoints, pairKey, RelaxationSolver } from '../../domain/matching/batch-flow';
import { objective, type BatchModel } from '../../domain/matching/batch-model';
import type { PreparedRequest } from '../../domain/matching/eligibility';
import { FlowGraph } from '../../domain/matching/min-cost-flow';

const HOUR = 3_600_000;

/** Sources → middles (capacity 1 or 2 to the sink) plus a dear "nobody" arc per source. */
const network = fc.record({
  sources: fc.integer({ min: 1, max: 7 }),
  middles: fc.array(fc.record({ cap: fc.integer({ min: 1, max: 2 }), cost: fc.integer({ min: 0, max: 9 }) }), { minLength: 1, maxLength: 5 }),
  arcs: fc.array(fc.record({ s: fc.nat(), m: fc.nat(), cost: fc.integer({ min: 0, max: 20 }) }), { maxLength: 25 }),
  closings: fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
});

type Network = typeof network extends fc.Arbitrary<infer T> ? T : never;

/** Builds the network; returns the graph, its sources, sink, and each arc with its cost. */
function build(n: Network): { g: FlowGraph; sources: number[]; sink: number; arcs: Array<[number, number]> } {
  const g = new FlowGraph();
  const sink = g.addNode();
  const sources = Array.from({ length: n.sources }, () => g.addNode());
  const arcs: Array<[number, number]> = [];
  const middles = n.middles.map((m) => {
    const node = g.addNode();
    arcs.push([g.addArc(node, sink, m.cap, m.cost), m.cost]);
    return node;
  });
  for (const a of n.arcs) arcs.push([g.addArc(sources[a.s % sources.length], middles[a.m % middles.length], 1, a.cost), a.cost]);
  for (const s of sources) arcs.push([g.addArc(s, sink, 1, 1000), 1000]);
  return { g, sources, sink, arcs };
}

const flowCost = (g: FlowGraph, arcs: Array<[number, number]>) => arcs.reduce((t, [a, c]) => t + g.flowOn(a) * c, 0);

/** A batch model straight from numbers: bookings with start hours and options on person-days. */
const model = fc.record({
  slots: fc.array(fc.record({ v0: fc.integer({ min: 0, max: 2 }), capLeft: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 5 }),
  bookings: fc.array(
    fc.record({
      hour: fc.integer({ min: 8, max: 12 }),
      long: fc.boolean(),
      options: fc.array(fc.record({ slot: fc.nat(), cost: fc.integer({ min: 0, max: 12 }) }), { maxLength: 5 }),
    }),
    { minLength: 1, maxLength: 10 },
  ),
  rounds: fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
});

type ModelSpec = typeof model extends fc.Arbitrary<infer T> ? T : never;

function toModel(spec: ModelSpec): BatchModel {
  return {
    weights: MATCH_WEIGHTS,
    slots: spec.slots.map((s, i) => ({ staffId: `s${i}`, ...s })),
    bookings: spec.bookings.map((b) => {
      const seen = new Set<number>();
      const options = b.options
        .map((o) => ({ slot: o.slot % spec.slots.length, baseCost: o.cost, scored: null as never }))
        .filter((o) => !seen.has(o.slot) && seen.add(o.slot));
      // One hour, or (long) three: such a booking spans two start points, as an escort does.
      const p = { busyStartMs: b.hour * HOUR, busyEndMs: (b.hour + (b.long ? 3 : 1)) * HOUR } as PreparedRequest;
      return { p, options };
    }),
  };
}

describe('warm re-solves of the flow relaxation', () => {
  test('FlowGraph.closeArc keeps a min-cost flow: same cost as solving again with the arcs closed', () => {
    fc.assert(
      fc.property(network, (n) => {
        const warm = build(n);
        warm.g.reset();
        for (const s of warm.sources) warm.g.augment(s, warm.sink);
        const closed: number[] = [];
        for (const round of n.closings) {
          for (const pick of round) {
            // Any arc but the "nobody" ones (the last per source): every unit keeps a way out.
            const arc = warm.arcs[pick % (warm.arcs.length - n.sources)][0];
            closed.push(arc);
            expect(warm.g.closeArc(arc)).toBe(true);
          }
          const cold = build(n);
          cold.g.reset(closed);
          for (const s of cold.sources) cold.g.augment(s, cold.sink);
          expect(flowCost(warm.g, warm.arcs)).toBeCloseTo(flowCost(cold.g, cold.arcs), 9);
          for (const a of closed) expect(warm.g.flowOn(a)).toBe(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  test('RelaxationSolver.close (withdraw and re-augment, else closeArc) equals solve on the grown forbidden set', () => {
    fc.assert(
      fc.property(model, (spec) => {
        const m = toModel(spec);
        const points = mapPoints(m);
        const warm = new RelaxationSolver(m, points);
        let x = warm.solve(new Set()).x;
        const forbidden = new Set<number>();
        for (const round of spec.rounds) {
          // Mostly pairs the current answer uses (the dive's case: the unit must move), some others.
          const added: number[] = [];
          for (const pick of round) {
            const b = pick % m.bookings.length;
            const options = m.bookings[b].options;
            if (options.length === 0) continue;
            const o = x[b] >= 0 && pick % 3 !== 0 ? x[b] : pick % options.length;
            const key = pairKey(m, b, options[o].slot);
            if (!forbidden.has(key)) added.push(key);
            forbidden.add(key);
          }
          x = warm.close(added).x;
          const cold = new RelaxationSolver(m, points).solve(forbidden).x;
          expect(objective(m, x)).toBeCloseTo(objective(m, cold), 9);
          x.forEach((o, b) => o >= 0 && expect(forbidden.has(pairKey(m, b, m.bookings[b].options[o].slot))).toBe(false));
        }
      }),
      { numRuns: 400 },
    );
  });
});
