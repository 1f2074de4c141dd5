/** The shapes matching works on. The server loads the facts; the domain decides. */
import type { GeoPoint } from '../geo';
import type { ClaimType, ServiceType } from '../services';
import type { BusyRange } from '../slots';
import type { Gender, StaffProfile } from '../staff';

/** What the customer told us about who they would like (soft preferences, never filters). */
export interface CustomerPreferences {
  customerId: string;
  /** A Chinese dialect name as in StaffProfile.dialects, e.g. '上海话'. */
  dialect: string | null;
  preferredGender: Gender | null;
}

export interface MatchRequest {
  /** Key in batch results. */
  bookingId: string;
  serviceType: ServiceType;
  claimType?: ClaimType | null;
  location: GeoPoint;
  /** ISO instants. */
  slotStart: string;
  slotEnd: string;
  customer: CustomerPreferences;
  /** Declined, expired or fell ill: never offered this booking again. */
  excludedStaffIds?: readonly string[];
}

/** One staff member's commitments on the slot's China day. */
export interface StaffCommitments {
  busy: BusyRange[];
  visitsThatDay: number;
}

/** What the server loaded: commitments on the slot's day, recent workload, history with customers. */
export interface MatchContext {
  commitmentsOf(staffId: string): StaffCommitments | undefined;
  /** Visits that count as work in the fairness window (completed or held; no-shows NOT counted). */
  recentLoadOf(staffId: string): number;
  /** Completed visits this staff member did for this customer (continuity, 专属). */
  pastVisitsWith(staffId: string, customerId: string): number;
}

export type IneligibleReason = 'skill' | 'area' | 'hours' | 'busy' | 'cap' | 'declined';

export interface Candidate {
  staff: StaffProfile;
  distanceKm: number;
  visitsThatDay: number;
  pastVisits: number;
  /** Lower is better: the weighted sum of MatchWeights terms. */
  cost: number;
  /** Plain Chinese the customer sees, e.g. ['曾为您服务 2 次', '会说上海话', '距您 3.2 公里']. */
  reasons: string[];
}

export interface BatchAssignment {
  bookingId: string;
  candidate: Candidate;
}

export interface BatchResult {
  assignments: BatchAssignment[];
  /** Bookings nobody can take. */
  unassigned: string[];
  /** Sum of the assignments' costs (each includes its place in the person's day). */
  totalCost: number;
}

export const NO_COMMITMENTS: StaffCommitments = { busy: [], visitsThatDay: 0 };
