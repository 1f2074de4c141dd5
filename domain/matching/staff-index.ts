/**
 * The staff as flat arrays, worked out once per pool: each person numbered, skills as bit masks,
 * working hours as minutes per weekday, base and radius as numbers, plus (optionally) a lat/lng
 * grid (staff-grid.ts). Scanning a booking then touches numbers, not strings or dates, and only the people whose
 * service area can reach the customer. Every rule gives exactly the answer of eligibility.ts:
 * the distance is the same great-circle formula as geo.distanceKm, the hour check the same string
 * comparison (as numbers), and the test suite compares it with a plain, unindexed ranking.
 */
import { SKILLS, type Skill } from '../services';
import type { StaffProfile } from '../staff';
import type { PreparedRequest } from './eligibility';
import { EARTH_RADIUS_KM, RAD, SAFE, StaffGrid, type NearCells } from './staff-grid';
import { StaffHours } from './staff-hours';
import { NO_COMMITMENTS, type MatchContext } from './types';

export { clockMinutes } from './staff-hours';

export const skillMask = (skills: readonly Skill[]): number =>
  skills.reduce((m, s) => (SKILLS.indexOf(s) >= 0 ? m | (1 << SKILLS.indexOf(s)) : m), 0);

/**
 * Per visit time (hours, cap, busy): -2 not yet known, -1 not free, else visits already that day.
 * A batch keeps one per distinct visit time; visits share a handful of times.
 */
export type FreeMemo = Int32Array;

/** What a scan hands to the ranking: eligible people (ascending staff number) with their facts. */
export interface Scan {
  count: number;
  who: Int32Array;
  km: Float64Array;
  day: Int32Array;
  load: Float64Array;
}

export const newScan = (n: number): Scan => ({ count: 0, who: new Int32Array(n), km: new Float64Array(n), day: new Int32Array(n), load: new Float64Array(n) });

export class StaffIndex {
  readonly n: number;
  readonly ids: string[];
  readonly lat: Float64Array;
  readonly lng: Float64Array;
  readonly cosLat: Float64Array;
  readonly radius: Float64Array;
  /** Radius as a latitude difference (the great circle is never shorter than the meridian gap). */
  readonly radiusDeg: Float64Array;
  /** Radius as haversine h (sin²(r / 2R)), padded: farther than this is out of reach. */
  readonly radiusH: Float64Array;
  readonly cap: Float64Array;
  readonly skills: Int32Array;
  readonly rating: Float64Array;
  /** staff[i].gender, without touching each profile while scoring. */
  readonly gender: ReadonlyArray<StaffProfile['gender']>;
  /** Position of each person's id in id order (equal ids share one): ties break on it. */
  readonly idRank: Int32Array;
  private readonly hours: StaffHours;
  private readonly dialectBits = new Map<string, number>();
  /** Up to 31 dialects as bits; beyond that (never in practice) the list is searched. */
  private readonly dialects: Int32Array;
  /** Who might reach a point, cell by cell (staff-grid.ts). */
  private readonly grid: StaffGrid;
  private readonly near: NearCells;
  private readonly scratch: Scan;
  /** Per-person scratch for a scan, so the eligible can be put in staff-number order cheaply. */
  private readonly kmOf: Float64Array;
  private readonly dayOf: Int32Array;
  private readonly loadOf: Float64Array;
  /** The eligible of a scan as bits (person i: word i >> 5): read back in staff-number order without sorting. */
  private readonly picked: Int32Array;
  private readonly blankFree: FreeMemo;
  private readonly blankLoads: Float64Array;
  /** True while a scan runs: if one ever stops half-way (a throwing context), the bits are wiped. */
  private scanning = false;

  constructor(readonly staff: readonly StaffProfile[], withGrid: boolean) {
    const n = (this.n = staff.length);
    this.ids = staff.map((s) => s.id);
    this.lat = Float64Array.from(staff, (s) => s.base.lat);
    this.lng = Float64Array.from(staff, (s) => s.base.lng);
    this.cosLat = Float64Array.from(staff, (s) => Math.cos(s.base.lat * RAD));
    this.radius = Float64Array.from(staff, (s) => s.serviceRadiusKm);
    this.radiusDeg = Float64Array.from(staff, (s) => (s.serviceRadiusKm / (EARTH_RADIUS_KM * RAD)) * SAFE);
    this.radiusH = Float64Array.from(staff, (s) => Math.sin(Math.min(Math.PI / 2, (s.serviceRadiusKm * SAFE) / (2 * EARTH_RADIUS_KM))) ** 2 * SAFE);
    this.cap = Float64Array.from(staff, (s) => s.dailyCap);
    this.skills = Int32Array.from(staff, (s) => skillMask(s.skills));
    this.rating = Float64Array.from(staff, (s) => s.rating);
    this.gender = staff.map((s) => s.gender);
    const byId = this.ids.map((_, i) => i).sort((i, j) => (this.ids[i] < this.ids[j] ? -1 : this.ids[i] > this.ids[j] ? 1 : 0));
    this.idRank = new Int32Array(n);
    byId.forEach((i, k) => (this.idRank[i] = k > 0 && this.ids[byId[k - 1]] === this.ids[i] ? this.idRank[byId[k - 1]] : k));
    this.dialects = Int32Array.from(staff, (s) => this.dialectMask(s.dialects));
    this.hours = new StaffHours(staff);
    this.grid = new StaffGrid(this.lat, this.lng, this.radius, this.radiusH, withGrid);
    this.near = this.grid.newNearCells();
    this.scratch = newScan(n);
    this.kmOf = new Float64Array(n);
    this.dayOf = new Int32Array(n);
    this.loadOf = new Float64Array(n);
    this.picked = new Int32Array((n >> 5) + 1);
    this.blankFree = new Int32Array(n);
    this.blankLoads = new Float64Array(n);
  }

  private dialectMask(list: readonly string[]): number {
    let m = 0;
    for (const d of list) {
      let bit = this.dialectBits.get(d);
      if (bit === undefined && this.dialectBits.size < 31) this.dialectBits.set(d, (bit = 1 << this.dialectBits.size));
      m |= bit ?? 0;
    }
    return m;
  }

  /** A test "does person i speak this dialect?", same answer as staff.dialects.includes(dialect). */
  speakerTest(dialect: string | null): (i: number) => boolean {
    const bit = dialect === null ? undefined : this.dialectBits.get(dialect);
    if (bit !== undefined) return (i) => (this.dialects[i] & bit) !== 0;
    if (this.dialectBits.size < 31 || dialect === null) return () => false;
    return (i) => this.staff[i].dialects.includes(dialect);
  }

  /** Cap and busy (the rest of timeIneligible, after onDuty): -1 when not free, else visits that day. */
  private freeAt(i: number, p: PreparedRequest, ctx: MatchContext): number {
    const c = ctx.commitmentsOf(this.ids[i]) ?? NO_COMMITMENTS;
    if (c.visitsThatDay >= this.cap[i]) return -1;
    for (let k = 0; k < c.busy.length; k++) {
      const b = c.busy[k];
      if (b.busyStart.getTime() < p.busyEndMs && p.busyStartMs < b.busyEnd.getTime()) return -1;
    }
    return c.visitsThatDay;
  }

  /**
   * For a batch: each grid cell's members who have the request's skills and are free at its time
   * (hours, cap, busy; answers kept in `free`), widest radius first like the cells themselves. A
   * batch's bookings share a handful of (time, skills), and a scan of these lists looks at about
   * half as many people. The rules are the scan's own, so the eligible are exactly the same.
   */
  freeLists(p: PreparedRequest, ctx: MatchContext, free: FreeMemo): Int32Array[] {
    const weekday = Number(p.weekday);
    const want = p.skillMask;
    return this.grid.members.map((members) =>
      members.filter((i) => {
        if ((this.skills[i] & want) !== want) return false;
        if (free[i] === -2) free[i] = this.hours.onDuty(i, p, weekday) ? this.freeAt(i, p, ctx) : -1;
        return free[i] >= 0;
      }),
    );
  }

  /**
   * Everyone eligible for the prepared request, in staff-number order. The returned scan is
   * reused by the next call. `free`/`loads` (a batch's memo) remember answers across bookings;
   * `lists` (freeLists for this request's time and skills) replace the grid's cells.
   */
  scan(p: PreparedRequest, ctx: MatchContext, memoFree?: FreeMemo, memoLoads?: Float64Array, lists?: readonly Int32Array[]): Scan {
    // Without a memo, a blank one of our own: one code path (and no re-optimising when both kinds of call mix).
    const free = memoFree ?? this.blankFree.fill(-2);
    const loads = memoLoads ?? this.blankLoads.fill(NaN);
    const out = this.scratch;
    const { lat: pLat, lng: pLng } = p.req.location;
    const cosP = Math.cos(pLat * RAD);
    const weekday = Number(p.weekday);
    const want = p.skillMask;
    const checkExcluded = p.excluded.size > 0;
    let count = 0;
    const near = this.near;
    this.grid.cellsNear(p.req.location, near);
    const cells = lists ?? this.grid.members;
    // The arrays as locals: the loop calls out (onDuty, freeAt, ctx), so they would be re-read.
    const { radiusH, skills, lat, lng, radiusDeg, cosLat, radius, ids, kmOf, dayOf, loadOf, picked } = this;
    if (this.scanning) picked.fill(0);
    this.scanning = true;
    for (let c = 0; c < near.count; c++) {
      const members = cells[near.ids[c]];
      const reachH = near.reachH[c];
      for (let m = 0; m < members.length; m++) {
        const i = members[m];
        // Members come widest radius first: once one cannot reach the cell's nearest point, none can.
        if (radiusH[i] < reachH) break;
        // Cheapest refusals first; each is exactly a rule of eligibility.ts (or a safe bound on one).
        if ((skills[i] & want) !== want) continue;
        if (Math.abs(lat[i] - pLat) > radiusDeg[i]) continue;
        let day = free[i];
        if (day === -1) continue;
        if (day === -2 && !this.hours.onDuty(i, p, weekday)) {
          free[i] = -1;
          continue;
        }
        // geo.distanceKm operation for operation (cos of the base precomputed): the same km exactly.
        const dLat = (pLat - lat[i]) * RAD;
        const dLng = (pLng - lng[i]) * RAD;
        const h = Math.sin(dLat / 2) ** 2 + cosLat[i] * cosP * Math.sin(dLng / 2) ** 2;
        if (h > radiusH[i]) continue;
        const km = 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
        if (km > radius[i]) continue;
        if (checkExcluded && p.excluded.has(ids[i])) continue;
        if (day === -2) {
          day = this.freeAt(i, p, ctx);
          free[i] = day;
          if (day < 0) continue;
        }
        let load = loads[i];
        if (Number.isNaN(load)) {
          load = ctx.recentLoadOf(ids[i]);
          loads[i] = load;
        }
        count++;
        picked[i >> 5] |= 1 << (i & 31);
        kmOf[i] = km;
        dayOf[i] = day;
        loadOf[i] = load;
      }
    }
    out.count = count;
    // Staff-number order, whatever order the cells came in: sums and ties never depend on the grid.
    // Each word's bits lowest first; the words are cleared for the next scan on the way.
    for (let w = 0, k = 0; k < count; w++) {
      let bits = picked[w];
      picked[w] = 0;
      while (bits !== 0) {
        const low = bits & -bits;
        const i = (w << 5) + 31 - Math.clz32(low);
        bits ^= low;
        out.who[k] = i;
        out.km[k] = kmOf[i];
        out.day[k] = dayOf[i];
        out.load[k++] = loadOf[i];
      }
    }
    this.scanning = false;
    return out;
  }
}
