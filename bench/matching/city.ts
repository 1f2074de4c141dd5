/**
 * A seeded synthetic Shanghai for the matching benchmark: staff spread over the districts in
 * proportion to where elders live, with skills, dialects, working hours, daily caps, existing
 * visits, recent workloads, and customers with a history of who served them. Same seed, same city.
 */
import {
  busyRangeOf,
  chinaInstant,
  SLOT_RULES,
  type ClaimType,
  type Gender,
  type MatchContext,
  type MatchRequest,
  type ServiceType,
  type Skill,
  type StaffCommitments,
  type StaffProfile,
  type WeeklyHours,
} from '@domain';

/** mulberry32: tiny, fast, good enough for synthetic data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
function weighted<T>(r: Rand, xs: ReadonlyArray<readonly [T, number]>): T {
  let u = r() * xs.reduce((s, [, w]) => s + w, 0);
  for (const [x, w] of xs) if ((u -= w) < 0) return x;
  return xs[xs.length - 1][0];
}
function gauss(r: Rand): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

/** District centre, relative population weight, spread (km) and typical service radius (km). */
const DISTRICTS: ReadonlyArray<readonly [string, number, number, number, number, number]> = [
  ['浦东新区', 31.2215, 121.544, 20, 7, 10],
  ['闵行区', 31.1128, 121.3818, 10, 5, 10],
  ['宝山区', 31.4045, 121.4895, 8, 5, 10],
  ['徐汇区', 31.1885, 121.4365, 7, 3, 7],
  ['杨浦区', 31.2595, 121.526, 7, 3, 7],
  ['普陀区', 31.2496, 121.397, 6, 3, 7],
  ['嘉定区', 31.3747, 121.2655, 6, 5, 11],
  ['松江区', 31.0322, 121.2277, 6, 5, 11],
  ['静安区', 31.229, 121.448, 6, 2.5, 6],
  ['长宁区', 31.2204, 121.4242, 4, 2.5, 6],
  ['虹口区', 31.2646, 121.505, 4, 2.5, 6],
  ['黄浦区', 31.2304, 121.4737, 4, 2, 6],
  ['青浦区', 31.1497, 121.124, 4, 5, 12],
  ['奉贤区', 30.918, 121.474, 4, 5, 12],
  ['金山区', 30.7415, 121.342, 3, 5, 12],
  ['崇明区', 31.623, 121.397, 2, 6, 12],
];
const DIALECTS: ReadonlyArray<readonly [string, number]> = [['上海话', 55], ['苏北话', 8], ['宁波话', 7], ['苏州话', 6], ['四川话', 5], ['粤语', 3]];
const CLAIM_MIX: ReadonlyArray<readonly [ClaimType, number]> = [
  ['inpatient', 35], ['outpatient', 25], ['critical_illness', 15], ['accident_disability', 8], ['death', 5], ['other', 12],
];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = ['建国', '秀英', '志强', '丽华', '卫东', '静', '明', '红', '立新', '晓燕', '国平', '芳'];

export const BENCH_DAY = '2026-11-24'; // a Tuesday

function placeIn(r: Rand): { lat: number; lng: number; radius: number } {
  const [, lat, lng, , spread, radius] = weighted(r, DISTRICTS.map((d) => [d, d[3]] as const));
  const kmLat = 111.2;
  const kmLng = 111.2 * Math.cos((lat * Math.PI) / 180);
  return { lat: lat + (gauss(r) * spread) / kmLat, lng: lng + (gauss(r) * spread) / kmLng, radius };
}

function hoursFor(r: Rand): WeeklyHours {
  const [open, close] = weighted(r, [[['08:00', '17:30'], 70], [['08:00', '12:30'], 12], [['12:30', '17:30'], 10], [['09:00', '16:00'], 8]] as const);
  const days = r() < 0.8 ? ['1', '2', '3', '4', '5', '6'] : ['2', '3', '4', '5', '6', '7'];
  return Object.fromEntries(days.map((d) => [d, [[open, close]]])) as WeeklyHours;
}

function makeStaff(r: Rand, i: number): StaffProfile {
  const home = placeIn(r);
  const skills: Skill[] = [];
  if (r() < 0.9) skills.push('claim');
  if (r() < 0.35 || skills.length === 0) skills.push('escort');
  if (skills.includes('claim') && r() < 0.08) skills.push('disability_assessment');
  const dialects = ['普通话', ...DIALECTS.filter(([, p]) => r() * 100 < p).map(([d]) => d)];
  const gender: Gender = r() < 0.6 ? 'female' : 'male';
  return {
    id: `s${String(i).padStart(5, '0')}`,
    name: `${pick(r, [...SURNAMES])}${pick(r, GIVEN)}`,
    staffNo: `AX${10000 + i}`,
    gender,
    skills,
    dialects,
    base: { lat: home.lat, lng: home.lng },
    serviceRadiusKm: Math.round(home.radius * (0.7 + 0.6 * r())),
    workingHours: hoursFor(r),
    dailyCap: 3 + Math.floor(r() * 4),
    rating: Math.round((4.2 + 0.8 * r() ** 0.6) * 10) / 10,
  };
}

function slotOn(service: ServiceType, hhmm: string): { start: string; end: string } {
  const start = chinaInstant(BENCH_DAY, hhmm);
  return { start: start.toISOString(), end: new Date(start.getTime() + SLOT_RULES[service].durationMin * 60_000).toISOString() };
}

export interface City {
  staff: StaffProfile[];
  requests: MatchRequest[];
  ctx: MatchContext;
}

export interface CitySize {
  staff: number;
  bookings: number;
}

function existingVisits(r: Rand, staff: readonly StaffProfile[]): Map<string, StaffCommitments> {
  const out = new Map<string, StaffCommitments>();
  for (const s of staff) {
    const n = weighted(r, [[0, 55], [1, 30], [2, 15]] as const);
    const c: StaffCommitments = { busy: [], visitsThatDay: 0 };
    for (const hhmm of [...SLOT_RULES.claim.starts].sort(() => r() - 0.5).slice(0, n)) {
      c.busy.push(busyRangeOf(slotOn('claim', hhmm)));
      c.visitsThatDay += 1;
    }
    if (n > 0) out.set(s.id, c);
  }
  return out;
}

export function buildCity(seed: number, size: CitySize): City {
  const r = prng(seed);
  const staff = Array.from({ length: size.staff }, (_, i) => makeStaff(r, i));
  const commitments = existingVisits(r, staff);
  const recentLoad = new Map(staff.map((s) => [s.id, r() < 0.1 ? Math.floor(r() * 4) : 8 + Math.floor(r() * 30)]));
  const history = new Map<string, Map<string, number>>(); // customer → staff → visits
  const requests: MatchRequest[] = [];
  for (let i = 0; i < size.bookings; i++) {
    const home = placeIn(r);
    const serviceType: ServiceType = r() < 0.8 ? 'claim' : 'escort';
    const slot = slotOn(serviceType, pick(r, SLOT_RULES[serviceType].starts));
    const customerId = `c${String(i).padStart(5, '0')}`;
    // 40% have been served before, by one or two people who work near them.
    if (r() < 0.4) {
      const near = staff.filter((s) => Math.abs(s.base.lat - home.lat) < 0.05 && Math.abs(s.base.lng - home.lng) < 0.05);
      const served = new Map<string, number>();
      for (let k = 0; k < 1 + Math.floor(r() * 2) && near.length; k++) served.set(pick(r, near).id, 1 + Math.floor(r() * 4));
      history.set(customerId, served);
    }
    requests.push({
      bookingId: `b${String(i).padStart(5, '0')}`,
      serviceType,
      claimType: serviceType === 'claim' ? weighted(r, CLAIM_MIX) : null,
      location: { lat: home.lat, lng: home.lng },
      slotStart: slot.start,
      slotEnd: slot.end,
      customer: {
        customerId,
        dialect: r() < 0.6 ? weighted(r, DIALECTS) : null,
        preferredGender: weighted(r, [['female', 20], ['male', 5], [null, 75]] as const),
      },
      excludedStaffIds: r() < 0.05 ? [pick(r, staff).id] : [],
    });
  }
  const ctx: MatchContext = {
    commitmentsOf: (id) => commitments.get(id),
    recentLoadOf: (id) => recentLoad.get(id) ?? 0,
    pastVisitsWith: (id, customerId) => history.get(customerId)?.get(id) ?? 0,
  };
  return { staff, requests, ctx };
}
