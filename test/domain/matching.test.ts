import { busyRangeOf, describeEvent, ineligibility, rankCandidates, staffTitle, type MatchRequest, type StaffCommitments, type StaffProfile } from '@domain';

const weekdays = { '1': [['08:30', '17:30']], '2': [['08:30', '17:30']], '3': [['08:30', '17:30']], '4': [['08:30', '17:30']], '5': [['08:30', '17:30']] } as StaffProfile['workingHours'];

function staff(over: Partial<StaffProfile>): StaffProfile {
  return {
    id: 's1',
    name: '王建国',
    staffNo: 'AX1001',
    gender: 'male',
    skills: ['claim'],
    dialects: ['上海话'],
    base: { lat: 31.19, lng: 121.44 },
    serviceRadiusKm: 8,
    workingHours: weekdays,
    dailyCap: 4,
    rating: 4.9,
    ...over,
  };
}

// Tuesday 2026-11-24, 09:00–10:00 China time, at a flat in 徐汇.
const req: MatchRequest = {
  serviceType: 'claim',
  claimType: 'inpatient',
  location: { lat: 31.2, lng: 121.45 },
  slotStart: '2026-11-24T01:00:00.000Z',
  slotEnd: '2026-11-24T02:00:00.000Z',
};
const free: StaffCommitments = { busy: [], visitsThatDay: 0 };

describe('hard constraints', () => {
  test('a qualified, nearby, free person on duty is eligible', () => {
    expect(ineligibility(staff({}), req, free)).toBeNull();
  });

  const cases: Array<[string, StaffProfile, MatchRequest, StaffCommitments]> = [
    ['skill', staff({ skills: ['escort'] }), req, free],
    ['skill', staff({}), { ...req, claimType: 'accident_disability' }, free],
    ['area', staff({ base: { lat: 31.3, lng: 121.6 } }), req, free],
    ['hours', staff({ workingHours: { '6': [['08:30', '17:30']] } }), req, free],
    ['hours', staff({ workingHours: { '2': [['09:30', '17:30']] } }), req, free],
    ['cap', staff({ dailyCap: 2 }), req, { busy: [], visitsThatDay: 2 }],
    ['declined', staff({}), { ...req, excludedStaffIds: ['s1'] }, free],
  ];
  test.each(cases)('refuses for %s', (reason, s, r, c) => {
    expect(ineligibility(s, r, c)).toBe(reason);
  });

  test('the travel buffer counts: a visit ending 09:00 elsewhere blocks a 09:00 start', () => {
    const earlier = busyRangeOf({ start: '2026-11-24T00:00:00.000Z', end: '2026-11-24T01:00:00.000Z' });
    expect(ineligibility(staff({}), req, { busy: [earlier], visitsThatDay: 1 })).toBe('busy');
    const twoHoursBefore = busyRangeOf({ start: '2026-11-23T22:00:00.000Z', end: '2026-11-23T23:30:00.000Z' });
    expect(ineligibility(staff({}), req, { busy: [twoHoursBefore], visitsThatDay: 1 })).toBeNull();
  });
});

describe('ranking', () => {
  test('nearest first, then the lighter day; reasons are plain Chinese', () => {
    const near = staff({ id: 'near', base: { lat: 31.201, lng: 121.451 } });
    const far = staff({ id: 'far', base: { lat: 31.23, lng: 121.47 } });
    const nearBusy = staff({ id: 'nearBusy', base: { lat: 31.201, lng: 121.451 } });
    const ranked = rankCandidates([far, nearBusy, near, staff({ id: 'x', skills: [] })], req, (id) =>
      id === 'nearBusy' ? { busy: [], visitsThatDay: 2 } : undefined,
    );
    expect(ranked.map((c) => c.staff.id)).toEqual(['near', 'nearBusy', 'far']);
    expect(ranked[0].reasons).toEqual(['熟悉理赔办理', '距您 0.1 公里', '评分 4.9']);
  });
});

describe('words people see', () => {
  test('titles and timeline entries', () => {
    expect(staffTitle('王建国', 'male')).toBe('王师傅');
    expect(staffTitle('李敏', 'female')).toBe('李老师');
    expect(describeEvent({ action: 'confirm', actorRole: 'staff', actorName: '王师傅' })).toBe('王师傅已确认，会按约定时间上门');
    expect(describeEvent({ action: 'submit', actorRole: 'family', actorName: '李伟' })).toBe('李伟为您提交了预约');
    expect(describeEvent({ action: 'cancel', actorRole: 'customer', reason: '身体好转了' })).toBe('您取消了这次服务（原因：身体好转了）');
  });
});
