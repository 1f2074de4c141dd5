/** Many bookings at once: always feasible, never worse than one by one, optimal on small cases. */
import fc from 'fast-check';
import {
  assignBatch,
  assignOneByOne,
  busyRangeOf,
  ineligibility,
  MATCH_WEIGHTS,
  rangesOverlap,
  rankCandidates,
  solveBatch,
  type BatchResult,
  type MatchContext,
  type MatchRequest,
  type StaffCommitments,
  type StaffProfile,
} from '@domain';
import { AT, booking, context, kmNorth, staff } from './matching-fixtures';

const SLOTS = [AT.nine, AT.half10, AT.two, AT.escort8] as const;

/** Every assignment is eligible on its own, no person holds overlapping visits or breaks the cap. */
function expectFeasible(result: BatchResult, requests: readonly MatchRequest[], ctx: MatchContext): void {
  const ids = [...result.assignments.map((a) => a.bookingId), ...result.unassigned].sort();
  expect(ids).toEqual(requests.map((r) => r.bookingId).sort());
  const byStaff = new Map<string, MatchRequest[]>();
  for (const { bookingId, candidate } of result.assignments) {
    const req = requests.find((r) => r.bookingId === bookingId) as MatchRequest;
    const c = ctx.commitmentsOf(candidate.staff.id) ?? { busy: [], visitsThatDay: 0 };
    expect(ineligibility(candidate.staff, req, c)).toBeNull();
    byStaff.set(candidate.staff.id, [...(byStaff.get(candidate.staff.id) ?? []), req]);
  }
  for (const [id, list] of byStaff) {
    const person = result.assignments.find((a) => a.candidate.staff.id === id)?.candidate.staff as StaffProfile;
    expect(list.length + (ctx.commitmentsOf(id)?.visitsThatDay ?? 0)).toBeLessThanOrEqual(person.dailyCap);
    const held = list.map((r) => busyRangeOf({ start: r.slotStart, end: r.slotEnd }));
    held.forEach((a, i) => held.slice(i + 1).forEach((b) => expect(rangesOverlap(a, b)).toBe(false)));
  }
}

describe('crafted cases', () => {
  test('greedy is provably worse here; the batch finds the better whole', () => {
    // Both bookings at 09:00. A is 1 km from the first and 0.5 km from the second; B is 3 km and 4.5 km.
    const a = staff({ id: 'A', base: kmNorth(1) });
    const b = staff({ id: 'B', base: kmNorth(-3) });
    const requests = [booking('first'), booking('second', { location: kmNorth(1.5) })];
    const ctx = context();
    const greedy = assignOneByOne(requests, [a, b], ctx);
    const batch = solveBatch(requests, [a, b], ctx);
    expect(greedy.unassigned).toEqual([]);
    expect(batch.unassigned).toEqual([]);
    // Greedy: first takes A (nearest), second must travel with B. Batch: first goes to B, second to A.
    expect(greedy.assignments.map((x) => x.candidate.staff.id)).toEqual(['A', 'B']);
    expect(batch.assignments.map((x) => x.candidate.staff.id)).toEqual(['B', 'A']);
    expect(batch.totalCost).toBeLessThan(greedy.totalCost);
    expect(batch.optimal).toBe(true);
  });

  test('when capacity allows, everyone is assigned, and nobody is double-booked', () => {
    const people = [staff({ id: 'A', dailyCap: 3 }), staff({ id: 'B', dailyCap: 3, skills: ['claim', 'escort'] }), staff({ id: 'C', dailyCap: 2, base: kmNorth(4) })];
    const requests = [
      booking('e', { serviceType: 'escort', claimType: null }, AT.escort8),
      booking('n1', {}, AT.nine),
      booking('n2', {}, AT.nine),
      booking('h', {}, AT.half10),
      booking('t1', {}, AT.two),
      booking('t2', {}, AT.two),
    ];
    const ctx = context();
    const result = assignBatch(requests, people, ctx);
    expect(result.unassigned).toEqual([]);
    expectFeasible(result, requests, ctx);
    // Only B escorts, and the escort holds B's whole morning: the two 09:00 visits go to A and C.
    const who = Object.fromEntries(result.assignments.map((x) => [x.bookingId, x.candidate.staff.id]));
    expect(who.e).toBe('B');
    expect([who.n1, who.n2].sort()).toEqual(['A', 'C']);
  });

  test('nobody can take it: the booking is reported unassigned, not forced', () => {
    const requests = [booking('x', { claimType: 'accident_disability' })];
    const result = assignBatch(requests, [staff({})], context());
    expect(result).toEqual({ assignments: [], unassigned: ['x'], totalCost: 0 });
  });

  test('existing visits and declines are respected in a batch', () => {
    const busy: StaffCommitments = { busy: [busyRangeOf({ start: AT.nine[0], end: AT.nine[1] })], visitsThatDay: 1 };
    const requests = [booking('a', { excludedStaffIds: ['B'] }), booking('b')];
    const ctx = context({ commitments: { A: busy } });
    const result = assignBatch(requests, [staff({ id: 'A' }), staff({ id: 'B' }), staff({ id: 'C', base: kmNorth(5) })], ctx);
    expectFeasible(result, requests, ctx);
    expect(Object.fromEntries(result.assignments.map((x) => [x.bookingId, x.candidate.staff.id]))).toEqual({ a: 'C', b: 'B' });
  });
});

/** The exact optimum by trying every combination (tiny instances only). */
function bruteForce(requests: readonly MatchRequest[], people: readonly StaffProfile[], ctx: MatchContext): number {
  const w = MATCH_WEIGHTS;
  const options = requests.map((r) => rankCandidates(people, r, ctx).map((c) => ({ c, base: c.cost - w.dayVisitStep * c.visitsThatDay })));
  let best = Infinity;
  const chosen: Array<{ staff: StaffProfile; base: number; req: MatchRequest } | null> = [];
  const visit = (i: number): void => {
    if (i === requests.length) {
      let total = 0;
      const byStaff = new Map<string, Array<{ staff: StaffProfile; req: MatchRequest }>>();
      for (const x of chosen) {
        if (!x) total += w.unassigned;
        else {
          total += x.base;
          byStaff.set(x.staff.id, [...(byStaff.get(x.staff.id) ?? []), x]);
        }
      }
      for (const [id, list] of byStaff) {
        const v0 = ctx.commitmentsOf(id)?.visitsThatDay ?? 0;
        if (v0 + list.length > list[0].staff.dailyCap) return;
        const held = list.map((x) => busyRangeOf({ start: x.req.slotStart, end: x.req.slotEnd }));
        if (held.some((a, j) => held.slice(j + 1).some((b) => rangesOverlap(a, b)))) return;
        list.forEach((_, k) => (total += w.dayVisitStep * (v0 + k)));
      }
      best = Math.min(best, total);
      return;
    }
    for (const o of [...options[i], null]) {
      chosen[i] = o && { staff: o.c.staff, base: o.base, req: requests[i] };
      visit(i + 1);
    }
  };
  visit(0);
  return best;
}

const instance = fc.record({
  people: fc.array(
    fc.record({
      km: fc.double({ min: -6, max: 6, noNaN: true }),
      cap: fc.integer({ min: 1, max: 3 }),
      escort: fc.boolean(),
      dialect: fc.boolean(),
      female: fc.boolean(),
      load: fc.integer({ min: 0, max: 30 }),
      busyAtTwo: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  bookings: fc.array(
    fc.record({ km: fc.double({ min: -6, max: 6, noNaN: true }), slot: fc.integer({ min: 0, max: 3 }), dialect: fc.boolean(), history: fc.integer({ min: -1, max: 3 }) }),
    { minLength: 1, maxLength: 6 },
  ),
});

type Spec = typeof instance extends fc.Arbitrary<infer T> ? T : never;

function materialise(spec: Spec) {
  const people = spec.people.map((p, i) =>
    staff({ id: `s${i}`, base: kmNorth(p.km), dailyCap: p.cap, skills: p.escort ? ['claim', 'escort'] : ['claim'], dialects: p.dialect ? ['上海话'] : ['普通话'], gender: p.female ? 'female' : 'male' }),
  );
  const requests = spec.bookings.map((b, i) => {
    const escort = b.slot === 3;
    return booking(`b${i}`, { location: kmNorth(b.km), serviceType: escort ? 'escort' : 'claim', claimType: escort ? null : 'inpatient', customer: { customerId: `c${i}`, dialect: b.dialect ? '上海话' : null, preferredGender: null } }, SLOTS[b.slot]);
  });
  const commitments: Record<string, StaffCommitments> = {};
  const load: Record<string, number> = {};
  const history: Record<string, number> = {};
  spec.people.forEach((p, i) => {
    load[`s${i}`] = p.load;
    if (p.busyAtTwo) commitments[`s${i}`] = { busy: [busyRangeOf({ start: AT.two[0], end: AT.two[1] })], visitsThatDay: 1 };
  });
  spec.bookings.forEach((b, i) => {
    if (b.history >= 0 && b.history < people.length) history[`s${b.history}|c${i}`] = 2;
  });
  return { people, requests, ctx: context({ commitments, load, history }) };
}

describe('random small instances (fast-check)', () => {
  test('the batch equals the brute-force optimum, is feasible, and is never worse than greedy', () => {
    fc.assert(
      fc.property(instance, (spec) => {
        const { people, requests, ctx } = materialise(spec);
        const batch = solveBatch(requests, people, ctx);
        expectFeasible(batch, requests, ctx);
        expect(batch.objective).toBeCloseTo(bruteForce(requests, people, ctx), 6);
        expect(batch.optimal).toBe(true);
        expect(batch.objective).toBeLessThanOrEqual(assignOneByOne(requests, people, ctx).objective + 1e-9);
      }),
      { numRuns: 300 },
    );
  });
});
