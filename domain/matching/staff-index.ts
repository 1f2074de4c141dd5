/**
 * The staff as flat arrays, worked out once per pool: each person numbered, skills as bit masks,
 * working hours as minutes per weekday, base and radius as numbers, plus (optionally) a lat/lng
 * grid. Scanning a booking then touches numbers, not strings or dates, and only the people whose
 * service area can reach the customer. Every rule gives exactly the answer of eligibility.ts:
 * the distance is the same great-circle formula as geo.distanceKm, the hour check the same string
 * comparison (as numbers), and the test suite compares it with a plain, unindexed ranking.
 */
import { SKILLS, type Skill } from '../services';
import type { StaffProfile, WeeklyHours } from '../staff';
import type { PreparedRequest } from './eligibility';
import { NO_COMMITMENTS, type MatchContext } from './types';

const RAD = Math.PI / 180;
/** Must stay equal to geo.ts: `scan` repeats distanceKm's formula operation for operation. */
const EARTH_RADIUS_KM = 6371.0088;
/** Grid cell size in degrees (≈ 2.2 km north–south). */
const CELL_DEG = 0.02;
/** Pre-checks only skip people who are clearly out of reach; this keeps rounding on the safe side. */
const SAFE = 1 + 1e-6;
const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

export const skillMask = (skills: readonly Skill[]): number =>
  skills.reduce((m, s) => (SKILLS.indexOf(s) >= 0 ? m | (1 << SKILLS.indexOf(s)) : m), 0);

/** "HH:mm" as minutes, or -1 when not exactly that shape (then the string rule is used as is). */
export function clockMinutes(hhmm: string): number {
  if (typeof hhmm !== 'string' || !/^\d\d:[0-5]\d$/.test(hhmm)) return -1;
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

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
  private readonly radiusH: Float64Array;
  readonly cap: Float64Array;
  readonly skills: Int32Array;
  readonly rating: Float64Array;
  /** Position of each person's id in id order (equal ids share one): ties break on it. */
  readonly idRank: Int32Array;
  /** Working hours: person i, weekday d (1–7) owns ranges hourFrom/To[hourAt[i*7+d-1] .. hourAt[i*7+d]). */
  private readonly hourAt: Int32Array;
  private readonly hourFrom: Int32Array;
  private readonly hourTo: Int32Array;
  /** 1 when some time of theirs is not plain "HH:mm": their hours are checked as strings. */
  private readonly oddHours: Uint8Array;
  private readonly dialectBits = new Map<string, number>();
  /** Up to 31 dialects as bits; beyond that (never in practice) the list is searched. */
  private readonly dialects: Int32Array;
  /** Grid cells' members, widest service radius first. */
  private readonly grid: Map<number, Int32Array> | null;
  private readonly everyone: Int32Array;
  private readonly maxRadiusKm: number;
  private readonly scratch: Scan;
  /** Per-person scratch for a scan, so the eligible can be put in staff-number order cheaply. */
  private readonly kmOf: Float64Array;
  private readonly dayOf: Int32Array;
  private readonly loadOf: Float64Array;

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
    this.maxRadiusKm = staff.reduce((m, s) => Math.max(m, s.serviceRadiusKm), 0);
    const byId = this.ids.map((_, i) => i).sort((i, j) => (this.ids[i] < this.ids[j] ? -1 : this.ids[i] > this.ids[j] ? 1 : 0));
    this.idRank = new Int32Array(n);
    byId.forEach((i, k) => (this.idRank[i] = k > 0 && this.ids[byId[k - 1]] === this.ids[i] ? this.idRank[byId[k - 1]] : k));
    this.dialects = Int32Array.from(staff, (s) => this.dialectMask(s.dialects));
    this.oddHours = new Uint8Array(n);
    this.hourAt = new Int32Array(n * 7 + 1);
    const from: number[] = [];
    const to: number[] = [];
    staff.forEach((s, i) => {
      WEEKDAYS.forEach((d, k) => {
        for (const [a, b] of s.workingHours[d] ?? []) {
          const [fa, tb] = [clockMinutes(a), clockMinutes(b)];
          if (fa < 0 || tb < 0) this.oddHours[i] = 1;
          from.push(fa);
          to.push(tb);
        }
        this.hourAt[i * 7 + k + 1] = from.length;
      });
    });
    this.hourFrom = Int32Array.from(from);
    this.hourTo = Int32Array.from(to);
    this.grid = withGrid ? this.buildGrid() : null;
    this.everyone = Int32Array.from(staff, (_, i) => i);
    this.scratch = newScan(n);
    this.kmOf = new Float64Array(n);
    this.dayOf = new Int32Array(n);
    this.loadOf = new Float64Array(n);
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

  private buildGrid(): Map<number, Int32Array> {
    const lists = new Map<number, number[]>();
    for (let i = 0; i < this.n; i++) {
      const key = cellKey(cellOf(this.lat[i]), cellOf(this.lng[i]));
      const list = lists.get(key);
      if (list) list.push(i);
      else lists.set(key, [i]);
    }
    const cells = new Map<number, Int32Array>();
    for (const [key, list] of lists) cells.set(key, Int32Array.from(list.sort((i, j) => this.radius[j] - this.radius[i])));
    return cells;
  }

  /** `day` is p.weekday as a number (worked out once per scan). */
  private onDuty(i: number, p: PreparedRequest, day: number): boolean {
    if (this.oddHours[i] || p.fromMin < 0 || p.toMin < 0 || !(day >= 1 && day <= 7)) {
      const ranges = this.staff[i].workingHours[p.weekday as keyof WeeklyHours];
      return !!ranges && ranges.some((r) => r[0] <= p.from && p.to <= r[1]);
    }
    const end = this.hourAt[i * 7 + day];
    for (let k = this.hourAt[i * 7 + day - 1]; k < end; k++) {
      if (this.hourFrom[k] <= p.fromMin && p.toMin <= this.hourTo[k]) return true;
    }
    return false;
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
   * Everyone eligible for the prepared request, in staff-number order. The returned scan is
   * reused by the next call. `free`/`loads` (a batch's memo) remember answers across bookings.
   */
  scan(p: PreparedRequest, ctx: MatchContext, free?: FreeMemo, loads?: Float64Array): Scan {
    const out = this.scratch;
    const { lat: pLat, lng: pLng } = p.req.location;
    const cosP = Math.cos(pLat * RAD);
    const weekday = Number(p.weekday);
    const want = p.skillMask;
    const checkExcluded = p.excluded.size > 0;
    let count = 0;
    const cells = this.cellsNear(p.req.location);
    for (let c = 0; c < cells.length; c++) {
      const { members, reachH } = cells[c];
      for (let m = 0; m < members.length; m++) {
        const i = members[m];
        // Members come widest radius first: once one cannot reach the cell's nearest point, none can.
        if (this.radiusH[i] < reachH) break;
        // Cheapest refusals first; each is exactly a rule of eligibility.ts (or a safe bound on one).
        if ((this.skills[i] & want) !== want) continue;
        if (Math.abs(this.lat[i] - pLat) > this.radiusDeg[i]) continue;
        let day = free ? free[i] : -2;
        if (day === -1) continue;
        if (day === -2 && !this.onDuty(i, p, weekday)) {
          if (free) free[i] = -1;
          continue;
        }
        // geo.distanceKm operation for operation (cos of the base precomputed): the same km exactly.
        const dLat = (pLat - this.lat[i]) * RAD;
        const dLng = (pLng - this.lng[i]) * RAD;
        const h = Math.sin(dLat / 2) ** 2 + this.cosLat[i] * cosP * Math.sin(dLng / 2) ** 2;
        if (h > this.radiusH[i]) continue;
        const km = 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
        if (km > this.radius[i]) continue;
        if (checkExcluded && p.excluded.has(this.ids[i])) continue;
        if (day === -2) {
          day = this.freeAt(i, p, ctx);
          if (free) free[i] = day;
          if (day < 0) continue;
        }
        let load = loads ? loads[i] : NaN;
        if (Number.isNaN(load)) {
          load = ctx.recentLoadOf(this.ids[i]);
          if (loads) loads[i] = load;
        }
        out.who[count++] = i;
        this.kmOf[i] = km;
        this.dayOf[i] = day;
        this.loadOf[i] = load;
      }
    }
    out.count = count;
    // Staff-number order, whatever order the cells came in: sums and ties never depend on the grid.
    out.who.subarray(0, count).sort();
    for (let k = 0; k < count; k++) {
      const i = out.who[k];
      out.km[k] = this.kmOf[i];
      out.day[k] = this.dayOf[i];
      out.load[k] = this.loadOf[i];
    }
    return out;
  }

  /**
   * The cells some member of which could reach the point, each with a lower bound on the distance
   * to its nearest point, as haversine h (d = 2R·asin(√h)). With Δφ ≥ the latitude gap, Δλ ≥ the
   * longitude gap and cosφ ≥ the cell's smallest cos, h = sin²(Δφ/2) + cosφ₁·cosφ₂·sin²(Δλ/2) is at
   * least sin²(gapφ/2) + cosφ₁·cosMin·sin²(gapλ/2).
   */
  private cellsNear(point: { lat: number; lng: number }): Array<{ members: Int32Array; reachH: number }> {
    if (!this.grid) return [{ members: this.everyone, reachH: -Infinity }];
    const { lat, lng } = point;
    const dLat = (this.maxRadiusKm / (EARTH_RADIUS_KM * RAD)) * SAFE;
    const cosP = Math.cos(lat * RAD);
    const cosBand = Math.min(Math.cos((lat - dLat) * RAD), Math.cos((lat + dLat) * RAD), cosP);
    const sinMax = Math.sin(Math.min(Math.PI / 2, (this.maxRadiusKm * SAFE) / (2 * EARTH_RADIUS_KM)));
    const s = sinMax / Math.sqrt(Math.max(0, cosP * cosBand));
    const dLng = s < 1 ? ((2 * Math.asin(s)) / RAD) * SAFE : Infinity;
    // Near a pole or the date line, or a huge radius: look at everyone (never in practice).
    if (!(lat - dLat > -90 && lat + dLat < 90 && lng - dLng > -180 && lng + dLng < 180)) return [{ members: this.everyone, reachH: -Infinity }];
    const found: Array<{ members: Int32Array; reachH: number }> = [];
    for (let ci = cellOf(lat - dLat); ci <= cellOf(lat + dLat); ci++) {
      const gapLat = Math.max(0, ci * CELL_DEG - lat, lat - (ci + 1) * CELL_DEG) * RAD;
      const cosCell = Math.min(Math.cos(ci * CELL_DEG * RAD), Math.cos((ci + 1) * CELL_DEG * RAD));
      const latTerm = Math.sin(gapLat / 2) ** 2;
      const lngFactor = cosP * cosCell;
      for (let cj = cellOf(lng - dLng); cj <= cellOf(lng + dLng); cj++) {
        const members = this.grid.get(cellKey(ci, cj));
        if (!members) continue;
        const gapLng = Math.max(0, cj * CELL_DEG - lng, lng - (cj + 1) * CELL_DEG) * RAD;
        const reachH = (latTerm + lngFactor * Math.sin(gapLng / 2) ** 2) / SAFE;
        if (this.radiusH[members[0]] >= reachH) found.push({ members, reachH });
      }
    }
    return found;
  }
}

const cellOf = (deg: number): number => Math.floor(deg / CELL_DEG);
/** Cells as one number: latitude rows of 10,000 longitude columns (0.02° → 18,000 columns). */
const cellKey = (i: number, j: number): number => i * 100_000 + j;

