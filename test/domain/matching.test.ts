import { busyRangeOf, describeMatch, ineligibility, rankCandidates, staffTitle, type MatchRequest, type StaffCommitments, type StaffProfile } from '@domain';
import { AT, booking, context, free, HOME, kmNorth, staff } from './matching-fixtures';

const req = booking('b1');

describe('hard constraints: each one refuses, and says which', () => {
  test('a qualified, nearby, free person on duty is eligible', () => {
    expect(ineligibility(staff({}), req, free)).toBeNull();
  });

  const cases: Array<[string, string, StaffProfile, MatchRequest, StaffCommitments]> = [
    ['skill', 'an escort-only person for a claim', staff({ skills: ['escort'] }), req, free],
    ['skill', 'no disability-assessment certificate for 意外伤残', staff({}), { ...req, claimType: 'accident_disability' }, free],
    ['skill', 'a claim-only person for a medical escort', staff({}), { ...req, serviceType: 'escort', claimType: null }, free],
    ['area', 'the customer lies outside the service radius', staff({ base: kmNorth(12) }), req, free],
    ['hours', 'a day off (works Saturdays only)', staff({ workingHours: { '6': [['08:30', '17:30']] } }), req, free],
    ['hours', 'starts work after the visit begins', staff({ workingHours: { '2': [['09:30', '17:30']] } }), req, free],
    ['cap', 'the daily cap is reached', staff({ dailyCap: 2 }), req, { busy: [], visitsThatDay: 2 }],
    ['declined', 'they declined this booking', staff({}), { ...req, excludedStaffIds: ['s1'] }, free],
  ];
  test.each(cases)('refuses for %s: %s', (reason, _why, s, r, c) => {
    expect(ineligibility(s, r, c)).toBe(reason);
  });

  test('a certified person may do the 意外伤残 assessment', () => {
    expect(ineligibility(staff({ skills: ['claim', 'disability_assessment'] }), { ...req, claimType: 'accident_disability' }, free)).toBeNull();
  });

  test('the travel buffer counts: a visit ending 09:00 elsewhere blocks a 09:00 start', () => {
    const earlier = busyRangeOf({ start: '2026-11-24T00:00:00.000Z', end: '2026-11-24T01:00:00.000Z' });
    expect(ineligibility(staff({}), req, { busy: [earlier], visitsThatDay: 1 })).toBe('busy');
    const twoHoursBefore = busyRangeOf({ start: '2026-11-23T22:00:00.000Z', end: '2026-11-23T23:30:00.000Z' });
    expect(ineligibility(staff({}), req, { busy: [twoHoursBefore], visitsThatDay: 1 })).toBeNull();
  });

  test('nobody refused is ever ranked', () => {
    const people = [staff({ id: 'ok' }), staff({ id: 'far', base: kmNorth(12) }), staff({ id: 'full', dailyCap: 1 }), staff({ id: 'no', skills: ['escort'] })];
    const ranked = rankCandidates(people, { ...req, excludedStaffIds: [] }, context({ commitments: { full: { busy: [], visitsThatDay: 1 } } }));
    expect(ranked.map((c) => c.staff.id)).toEqual(['ok']);
  });
});

describe('preferences: who comes first', () => {
  const ids = (r: MatchRequest, people: StaffProfile[], ctx = context()) => rankCandidates(people, r, ctx).map((c) => c.staff.id);

  test('nearest first when nothing else differs', () => {
    expect(ids(req, [staff({ id: 'far', base: kmNorth(6) }), staff({ id: 'near', base: kmNorth(0.5) })])).toEqual(['near', 'far']);
  });

  test('continuity beats a nearer stranger anywhere in the service area (专属)', () => {
    const familiar = staff({ id: 'familiar', base: kmNorth(9.9) });
    const stranger = staff({ id: 'stranger', base: kmNorth(0.1), rating: 5, dialects: ['上海话'] });
    const r = { ...req, customer: { ...req.customer, dialect: '上海话' } };
    const ranked = rankCandidates([stranger, familiar], r, context({ history: { 'familiar|c-b1': 1 } }));
    expect(ranked.map((c) => c.staff.id)).toEqual(['familiar', 'stranger']);
    expect(ranked[0].pastVisits).toBe(1);
  });

  test('a shared dialect tips a tie', () => {
    const r = { ...req, customer: { ...req.customer, dialect: '上海话' } };
    expect(ids(r, [staff({ id: 'a' }), staff({ id: 'b', dialects: ['普通话', '上海话'] })])).toEqual(['b', 'a']);
  });

  test('a gender preference tips a tie but never filters anyone out', () => {
    const r = { ...req, customer: { ...req.customer, preferredGender: 'female' as const } };
    expect(ids(r, [staff({ id: 'a' }), staff({ id: 'b', gender: 'female' })])).toEqual(['b', 'a']);
    expect(ids(r, [staff({ id: 'only-man' })])).toEqual(['only-man']);
  });

  test('fair load: the lighter-loaded of two equals comes first, and a newcomer gets a small edge', () => {
    const people = [staff({ id: 'busy' }), staff({ id: 'usual' }), staff({ id: 'new' })];
    const ctx = context({ load: { busy: 40, usual: 20, new: 0 } });
    expect(ids(req, people, ctx)).toEqual(['new', 'usual', 'busy']);
    // The edge is small: a newcomer 5 km further away does not jump ahead of an average person.
    const farNew = [staff({ id: 'u1' }), staff({ id: 'u2' }), staff({ id: 'u3' }), staff({ id: 'new', base: kmNorth(6) })];
    expect(ids(req, farNew, context({ load: { u1: 20, u2: 20, u3: 20, new: 0 } }))).toEqual(['u1', 'u2', 'u3', 'new']);
  });

  test('a fuller day costs more: the second visit of a day loses to an equal person with none', () => {
    const ctx = context({ commitments: { one: { busy: [], visitsThatDay: 1 } } });
    expect(ids(req, [staff({ id: 'one' }), staff({ id: 'none' })], ctx)).toEqual(['none', 'one']);
  });

  test('costs are regrets: the best person costs nothing more than their day', () => {
    const [best, next] = rankCandidates([staff({ id: 'a' }), staff({ id: 'b', base: kmNorth(3) })], req, context());
    expect(best.cost).toBe(0);
    expect(next.cost).toBeCloseTo(2, 5);
  });
});

describe('words people see', () => {
  test('reasons read as a short Chinese sentence', () => {
    const wang = staff({ id: 'wang', base: kmNorth(3.2), dialects: ['普通话', '上海话'], rating: 4.6 });
    const r = { ...req, customer: { ...req.customer, dialect: '上海话' } };
    const [c] = rankCandidates([wang], r, context({ history: { 'wang|c-b1': 2 } }));
    expect(c.reasons).toEqual(['曾为您服务 2 次', '会说上海话', '距您 3.2 公里']);
    expect(describeMatch(staffTitle(wang.name, wang.gender), c.reasons)).toBe('王师傅：曾为您服务 2 次，会说上海话，距您 3.2 公里');
  });

  test('a first visit explains itself too, and mentions a certificate and a good rating', () => {
    const li = staff({ id: 'li', name: '李敏', gender: 'female', skills: ['claim', 'disability_assessment'], base: kmNorth(0.8), rating: 4.9 });
    const r = { ...req, claimType: 'accident_disability' as const, customer: { ...req.customer, preferredGender: 'female' as const } };
    expect(rankCandidates([li], r, context())[0].reasons).toEqual(['是女士，合您心意', '有伤残鉴定资质', '距您 0.8 公里', '评分 4.9']);
    expect(rankCandidates([staff({})], req, context())[0].reasons).toEqual(['熟悉理赔办理', '距您 1.0 公里']);
  });

  test('a candidate sent as JSON (to be stored or shown) carries its reasons', () => {
    const [c] = rankCandidates([staff({})], req, context());
    expect(JSON.parse(JSON.stringify(c)).reasons).toEqual(['熟悉理赔办理', '距您 1.0 公里']);
    expect({ ...c }.reasons).toEqual(c.reasons);
  });

  test('reasons never reveal workload or anyone else', () => {
    const [c] = rankCandidates([staff({})], req, context({ load: { s1: 99 }, commitments: { s1: { busy: [], visitsThatDay: 3 } } }));
    expect(c.reasons.join('')).not.toMatch(/单|次数|忙|工作量|客户|99|3 个/);
  });

  test('titles and timeline entries', () => {
    expect(staffTitle('王建国', 'male')).toBe('王师傅');
    expect(staffTitle('李敏', 'female')).toBe('李老师');
  });
});

test('the escort slot is a real time: it holds 07:30–11:00 China time', () => {
  expect(busyRangeOf({ start: AT.escort8[0], end: AT.escort8[1] }).busyStart.toISOString()).toBe('2026-11-23T23:30:00.000Z');
  expect(HOME.lat).toBeGreaterThan(31);
});
