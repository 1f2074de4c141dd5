/**
 * The staff index (grid, bit masks, minutes, typed arrays) is only a faster way to the same answer:
 * on random cities, the pool-indexed ranking must equal a plain ranking written straight from the
 * rules, person by person, with nothing precomputed.
 */
import fc from 'fast-check';
import {
  assignBatch,
  busyRangeOf,
  chinaInstant,
  createStaffPool,
  distanceKm,
  ineligibility,
  MATCH_WEIGHTS,
  matchReasons,
  NO_COMMITMENTS,
  rankCandidates,
  type Candidate,
  type Gender,
  type MatchContext,
  type MatchRequest,
  type StaffCommitments,
  type StaffProfile,
} from '@domain';
import { prepareRequest, type VisitTimes } from '../../domain/matching/eligibility';
import { newScoringMemo, scoreCheapest, scoreEligible } from '../../domain/matching/rank';
import { asPool } from '../../domain/matching/staff-pool';

const w = MATCH_WEIGHTS;

/** The ranking as the rules say it, for everyone in a plain list. */
function referenceRanking(staff: readonly StaffProfile[], req: MatchRequest, ctx: MatchContext): Candidate[] {
  const eligible = staff.filter((s) => ineligibility(s, req, ctx.commitmentsOf(s.id) ?? NO_COMMITMENTS) === null);
  const loads = eligible.map((s) => ctx.recentLoadOf(s.id));
  const fair = eligible.length ? loads.reduce((a, b) => a + b, 0) / eligible.length : 0;
  const rows = eligible.map((s, k) => {
    const km = distanceKm(s.base, req.location);
    const past = ctx.pastVisitsWith(s.id, req.customer.customerId);
    let cost = w.perKm * km - w.continuityPerVisit * Math.min(past, w.continuityMaxVisits);
    if (req.customer.dialect && !s.dialects.includes(req.customer.dialect)) cost += w.dialect;
    if (req.customer.preferredGender && s.gender !== req.customer.preferredGender) cost += w.genderMismatch;
    cost = cost + w.ratingPerStar * Math.max(0, 5 - s.rating);
    const load = loads[k];
    cost += load > fair ? w.loadPerVisitOverFair * (load - fair) : -w.loadCreditPerVisitUnderFair * Math.min(fair - load, w.loadCreditMaxVisits);
    const day = (ctx.commitmentsOf(s.id) ?? NO_COMMITMENTS).visitsThatDay;
    return { s, km, past, cost, day, key: cost + w.dayVisitStep * day };
  });
  const lowest = Math.min(...rows.map((r) => r.cost));
  rows.sort((a, b) => a.key - b.key || (a.s.id < b.s.id ? -1 : a.s.id > b.s.id ? 1 : 0));
  return rows.map((r) => ({
    staff: r.s,
    distanceKm: r.km,
    visitsThatDay: r.day,
    pastVisits: r.past,
    cost: r.cost - lowest + w.dayVisitStep * r.day,
    reasons: matchReasons(r.s, req, r.km, r.past),
  }));
}

const WEEKDAY_KEYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
type WeekdayKey = (typeof WEEKDAY_KEYS)[number];
const DIALECTS = ['普通话', '上海话', '苏北话', '宁波话', '粤语'];
// Plain "HH:mm", and an odd "9:00" that the rule compares as a string, as it always has.
const HOURS: Array<Array<[string, string]>> = [[['08:00', '17:30']], [['08:30', '12:00'], ['13:00', '18:00']], [['12:30', '20:00']], [['9:00', '17:00']]];
const START_TIMES = ['08:00', '09:00', '10:30', '13:00', '14:00', '16:30'];
/** Mon 2026-11-23 … Sun 2026-11-29. */
const DAYS = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'];

const person = fc.record({
  dLat: fc.double({ min: -0.25, max: 0.25, noNaN: true }),
  dLng: fc.double({ min: -0.25, max: 0.25, noNaN: true }),
  radius: fc.integer({ min: 3, max: 25 }),
  skills: fc.subarray(['claim', 'escort', 'disability_assessment'] as const, { minLength: 1 }),
  dialects: fc.subarray(DIALECTS, { minLength: 1 }),
  gender: fc.constantFrom<Gender>('male', 'female'),
  days: fc.oneof(
    { weight: 3, arbitrary: fc.constant<WeekdayKey[]>([...WEEKDAY_KEYS]) },
    { weight: 1, arbitrary: fc.subarray<WeekdayKey>([...WEEKDAY_KEYS]) },
  ),
  hours: fc.constantFrom(...HOURS),
  cap: fc.integer({ min: 1, max: 5 }),
  rating: fc.constantFrom(4.2, 4.5, 4.8, 5),
  // Fractions too: the fair share must be summed in the same order.
  load: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.double({ min: 0, max: 40, noNaN: true })),
  visitsThatDay: fc.integer({ min: 0, max: 3 }),
  busyAt: fc.option(fc.constantFrom(...START_TIMES), { nil: null }),
});

const visit = fc.record({
  dLat: fc.double({ min: -0.2, max: 0.2, noNaN: true }),
  dLng: fc.double({ min: -0.2, max: 0.2, noNaN: true }),
  escort: fc.boolean(),
  claimType: fc.constantFrom('inpatient', 'accident_disability', 'other') as fc.Arbitrary<'inpatient' | 'accident_disability' | 'other'>,
  start: fc.constantFrom(...START_TIMES),
  dialect: fc.option(fc.constantFrom(...DIALECTS, '四川话'), { nil: null }),
  gender: fc.option(fc.constantFrom<Gender>('male', 'female'), { nil: null }),
  excluded: fc.array(fc.nat(59), { maxLength: 2 }),
  servedBy: fc.array(fc.record({ who: fc.nat(59), times: fc.integer({ min: 1, max: 4 }) }), { maxLength: 2 }),
});

const city = fc.record({
  // Shanghai, and elsewhere: high latitudes stretch the longitude bounds of the grid.
  centre: fc.constantFrom({ lat: 31.2, lng: 121.45 }, { lat: 59.9, lng: 10.75 }, { lat: -33.9, lng: 151.2 }, { lat: 0.5, lng: -78.5 }),
  day: fc.constantFrom(...DAYS),
  people: fc.array(person, { minLength: 5, maxLength: 60 }),
  // Two people on the same spot with the same facts: ties break by id.
  twins: fc.boolean(),
  visits: fc.array(visit, { minLength: 1, maxLength: 8 }),
});

type City = typeof city extends fc.Arbitrary<infer T> ? T : never;

function build(c: City): { staff: StaffProfile[]; requests: MatchRequest[]; ctx: MatchContext } {
  const people = c.twins ? [...c.people, c.people[0]] : c.people;
  const commitments = new Map<string, StaffCommitments>();
  const staff = people.map((p, i): StaffProfile => {
    const id = `s${String(people.length - i).padStart(3, '0')}`;
    const busy = p.busyAt ? [busyRangeOf({ start: chinaInstant(c.day, p.busyAt), end: new Date(chinaInstant(c.day, p.busyAt).getTime() + 3_600_000) })] : [];
    commitments.set(id, { busy, visitsThatDay: p.visitsThatDay });
    return {
      id,
      name: '王建国',
      staffNo: `AX${i}`,
      gender: p.gender,
      skills: [...p.skills],
      dialects: [...p.dialects],
      base: { lat: c.centre.lat + p.dLat, lng: c.centre.lng + p.dLng },
      serviceRadiusKm: p.radius,
      workingHours: Object.fromEntries(p.days.map((d) => [d, p.hours])),
      dailyCap: p.cap,
      rating: p.rating,
    };
  });
  const load = new Map(staff.map((s, i) => [s.id, people[i].load]));
  const history = new Map<string, number>();
  const requests = c.visits.map((v, k): MatchRequest => {
    const start = chinaInstant(c.day, v.start);
    const customerId = `c${k}`;
    for (const { who, times } of v.servedBy) if (staff[who]) history.set(`${staff[who].id}|${customerId}`, times);
    return {
      bookingId: `b${k}`,
      serviceType: v.escort ? 'escort' : 'claim',
      claimType: v.escort ? null : v.claimType,
      location: { lat: c.centre.lat + v.dLat, lng: c.centre.lng + v.dLng },
      slotStart: start.toISOString(),
      slotEnd: new Date(start.getTime() + (v.escort ? 3 : 1) * 3_600_000).toISOString(),
      customer: { customerId, dialect: v.dialect, preferredGender: v.gender },
      excludedStaffIds: v.excluded.filter((i) => staff[i]).map((i) => staff[i].id),
    };
  });
  const ctx: MatchContext = {
    commitmentsOf: (id) => commitments.get(id),
    recentLoadOf: (id) => load.get(id) ?? 0,
    pastVisitsWith: (id, customer) => history.get(`${id}|${customer}`) ?? 0,
  };
  return { staff, requests, ctx };
}

describe('the staff index gives exactly the plain answer', () => {
  test('pool-indexed and list rankings equal the reference ranking on random cities', () => {
    let compared = 0;
    fc.assert(
      fc.property(city, (c) => {
        const { staff, requests, ctx } = build(c);
        const pool = createStaffPool(staff);
        for (const req of requests) {
          const expected = referenceRanking(staff, req, ctx);
          expect(rankCandidates(pool, req, ctx)).toEqual(expected);
          expect(rankCandidates(staff, req, ctx)).toEqual(expected);
          compared += expected.length;
        }
      }),
      { numRuns: 300, seed: 20261124 },
    );
    // The cities must actually put people in reach, or the comparison proves nothing.
    expect(compared).toBeGreaterThan(1500);
  });

  test('a batch over the pool equals the batch over the plain list', () => {
    fc.assert(
      fc.property(city, (c) => {
        const { staff, requests, ctx } = build(c);
        expect(assignBatch(requests, createStaffPool(staff), ctx)).toEqual(assignBatch(requests, staff, ctx));
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  test("a batch's scoring (memo, per-cell lists of the free, top-k selection) keeps exactly the first k of the full ranking", () => {
    fc.assert(
      fc.property(city, fc.integer({ min: 1, max: 12 }), (c, k) => {
        const { staff, requests, ctx } = build(c);
        // The grid pool and a pool without a grid (everyone one cell), each with its own memo.
        for (const pool of [createStaffPool(staff), asPool(staff)]) {
          // One memo across the bookings, as a batch keeps it: shared times and skills reuse the lists.
          const [memo, times] = [newScoringMemo(), new Map<string, VisitTimes>()];
          for (const req of requests) {
            const p = prepareRequest(req, times);
            const full = scoreEligible(asPool(staff), prepareRequest(req), ctx, w);
            expect(scoreCheapest(pool, p, ctx, w, memo, k)).toEqual(full.slice(0, k));
          }
        }
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  test('someone exactly at the edge of their service radius is in; a little beyond is out', () => {
    const base = { lat: 31.2, lng: 121.45 };
    const edge = { lat: 31.2 + 10 / 111.19492664455873, lng: 121.45 };
    const km = distanceKm(base, edge);
    const at = (radius: number): StaffProfile => ({
      id: `r${radius}`,
      name: '李敏',
      staffNo: 'AX1',
      gender: 'female',
      skills: ['claim'],
      dialects: ['普通话'],
      base,
      serviceRadiusKm: radius,
      workingHours: { '2': [['08:00', '17:30']] },
      dailyCap: 4,
      rating: 4.8,
    });
    const req: MatchRequest = {
      bookingId: 'b1',
      serviceType: 'claim',
      claimType: 'inpatient',
      location: edge,
      slotStart: '2026-11-24T01:00:00.000Z',
      slotEnd: '2026-11-24T02:00:00.000Z',
      customer: { customerId: 'c1', dialect: null, preferredGender: null },
    };
    const ctx: MatchContext = { commitmentsOf: () => undefined, recentLoadOf: () => 10, pastVisitsWith: () => 0 };
    const people = [at(km), at(km - 1e-9)];
    expect(rankCandidates(createStaffPool(people), req, ctx).map((c) => c.staff.id)).toEqual([`r${km}`]);
  });
});
