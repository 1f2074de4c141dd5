/**
 * A pool of staff for fast matching. createStaffPool numbers everyone once and keeps their facts
 * as flat arrays with a lat/lng grid (staff-index.ts), so one booking looks only at the people
 * whose service area can reach the customer. A plain array is indexed without the grid.
 */
import type { GeoPoint } from '../geo';
import type { Skill } from '../services';
import type { StaffProfile } from '../staff';
import { skillMask, StaffIndex } from './staff-index';

export interface StaffPool {
  readonly all: readonly StaffProfile[];
  /** Everyone with all these skills who might reach the point (a superset: distance is checked later). */
  near(point: GeoPoint, skills: readonly Skill[]): readonly StaffProfile[];
}

export class IndexedStaffPool implements StaffPool {
  readonly index: StaffIndex;

  constructor(readonly all: readonly StaffProfile[], withGrid: boolean) {
    this.index = new StaffIndex(all, withGrid);
  }

  near(point: GeoPoint, skills: readonly Skill[]): readonly StaffProfile[] {
    const want = skillMask(skills);
    return this.all.filter((s, i) => (this.index.skills[i] & want) === want && Math.abs(s.base.lat - point.lat) <= this.index.radiusDeg[i]);
  }
}

export function createStaffPool(staff: readonly StaffProfile[]): StaffPool {
  return new IndexedStaffPool(staff, true);
}

/** The index to scan: the pool's own, or (for any other StaffPool) one over its `near` answer. */
export function indexFor(pool: StaffPool, point: GeoPoint, skills: readonly Skill[]): StaffIndex {
  return pool instanceof IndexedStaffPool ? pool.index : new StaffIndex(pool.near(point, skills), false);
}

export function asPool(staff: readonly StaffProfile[] | StaffPool): StaffPool {
  return Array.isArray(staff) ? new IndexedStaffPool(staff, false) : (staff as StaffPool);
}
