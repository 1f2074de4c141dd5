/**
 * An index of the staff for fast matching: people are bucketed on a coarse lat/lng grid with a
 * bit mask of their skills, so one booking looks only at cells some member of which could reach
 * the customer, and at people who have the skills and whose radius (roughly) covers the customer.
 * The exact distance check stays with the eligibility rule.
 */
import type { GeoPoint } from '../geo';
import { SKILLS, type Skill } from '../services';
import type { StaffProfile } from '../staff';

/** Grid cell size in degrees (≈ 5.5 km north–south in Shanghai). */
const CELL_DEG = 0.05;
const KM_PER_DEG = 111.2;
/** The planar pre-check may be off by well under this (ratio) against the great circle. */
const SLACK = 1.02;

export interface StaffPool {
  readonly all: readonly StaffProfile[];
  /** Everyone with all these skills who might reach the point (a superset: distance is checked later). */
  near(point: GeoPoint, skills: readonly Skill[]): readonly StaffProfile[];
}

const maskOf = (skills: readonly Skill[]): number => skills.reduce((m, s) => m | (1 << SKILLS.indexOf(s)), 0);

interface Cell {
  staff: StaffProfile[];
  masks: number[];
  maxRadiusKm: number;
}

const cellOf = (deg: number): number => Math.floor(deg / CELL_DEG);

class GridStaffPool implements StaffPool {
  private readonly cells = new Map<number, Cell>();
  private readonly maxRadiusKm: number;

  constructor(readonly all: readonly StaffProfile[]) {
    this.maxRadiusKm = all.reduce((m, s) => Math.max(m, s.serviceRadiusKm), 0);
    for (const s of all) {
      const key = this.key(cellOf(s.base.lat), cellOf(s.base.lng));
      const cell = this.cells.get(key) ?? { staff: [], masks: [], maxRadiusKm: 0 };
      cell.staff.push(s);
      cell.masks.push(maskOf(s.skills));
      cell.maxRadiusKm = Math.max(cell.maxRadiusKm, s.serviceRadiusKm);
      this.cells.set(key, cell);
    }
  }

  private key(i: number, j: number): number {
    return i * 100_000 + j;
  }

  near(point: GeoPoint, skills: readonly Skill[]): readonly StaffProfile[] {
    const want = maskOf(skills);
    const kmPerDegLng = KM_PER_DEG * Math.max(0.1, Math.cos((point.lat * Math.PI) / 180));
    const dLat = this.maxRadiusKm / KM_PER_DEG;
    const dLng = this.maxRadiusKm / kmPerDegLng;
    const out: StaffProfile[] = [];
    for (let i = cellOf(point.lat - dLat); i <= cellOf(point.lat + dLat); i++) {
      for (let j = cellOf(point.lng - dLng); j <= cellOf(point.lng + dLng); j++) {
        const cell = this.cells.get(this.key(i, j));
        if (!cell) continue;
        // Nearest point of the cell to the customer: skip cells nobody in them can reach from.
        const gapLat = Math.max(0, i * CELL_DEG - point.lat, point.lat - (i + 1) * CELL_DEG) * KM_PER_DEG;
        const gapLng = Math.max(0, j * CELL_DEG - point.lng, point.lng - (j + 1) * CELL_DEG) * kmPerDegLng;
        if (gapLat * gapLat + gapLng * gapLng > (cell.maxRadiusKm * SLACK) ** 2) continue;
        for (let k = 0; k < cell.staff.length; k++) {
          if ((cell.masks[k] & want) !== want) continue;
          const s = cell.staff[k];
          const dy = (s.base.lat - point.lat) * KM_PER_DEG;
          const dx = (s.base.lng - point.lng) * kmPerDegLng;
          if (dx * dx + dy * dy <= (s.serviceRadiusKm * SLACK) ** 2) out.push(s);
        }
      }
    }
    return out;
  }
}

/** A plain list: checking everyone is cheaper than indexing a handful of people. */
class ListStaffPool implements StaffPool {
  constructor(readonly all: readonly StaffProfile[]) {}

  near(_point: GeoPoint, skills: readonly Skill[]): readonly StaffProfile[] {
    return this.all.filter((s) => skills.every((k) => s.skills.includes(k)));
  }
}

export function createStaffPool(staff: readonly StaffProfile[]): StaffPool {
  return new GridStaffPool(staff);
}

export function asPool(staff: readonly StaffProfile[] | StaffPool): StaffPool {
  return Array.isArray(staff) ? new ListStaffPool(staff) : (staff as StaffPool);
}
