/**
 * Matching a dedicated person, first version: hard constraints (skill, area, working hours, free
 * for the slot including the travel buffer, daily cap, has not declined) and a simple, explainable
 * order (nearest first, then the lighter day, then rating). Pure: the server feeds it rows.
 */
import { distanceKm, formatKm, type GeoPoint } from './geo';
import { requiredSkills, type ClaimType, type ServiceType } from './services';
import { busyRangeOf, rangesOverlap, type BusyRange } from './slots';
import type { StaffProfile } from './staff';
import { chinaTime, chinaWeekday } from './time';

export interface MatchRequest {
  serviceType: ServiceType;
  claimType?: ClaimType | null;
  location: GeoPoint;
  slotStart: string;
  slotEnd: string;
  /** Staff who declined this booking are never offered it again. */
  excludedStaffIds?: readonly string[];
}

/** What the server knows about one staff member's commitments on the slot's day. */
export interface StaffCommitments {
  busy: BusyRange[];
  visitsThatDay: number;
}

export type IneligibleReason = 'skill' | 'area' | 'hours' | 'busy' | 'cap' | 'declined';

export interface Candidate {
  staff: StaffProfile;
  distanceKm: number;
  visitsThatDay: number;
  /** Plain Chinese, shown to the customer. */
  reasons: string[];
}

function withinWorkingHours(staff: StaffProfile, start: string, end: string): boolean {
  const ranges = staff.workingHours[String(chinaWeekday(start)) as keyof StaffProfile['workingHours']] ?? [];
  const from = chinaTime(start).format('HH:mm');
  const to = chinaTime(end).format('HH:mm');
  return ranges.some(([open, close]) => open <= from && to <= close);
}

/** Why this person cannot take the visit, or null if they can. */
export function ineligibility(staff: StaffProfile, req: MatchRequest, commitments: StaffCommitments): IneligibleReason | null {
  if (req.excludedStaffIds?.includes(staff.id)) return 'declined';
  const skills = requiredSkills(req.serviceType, req.claimType);
  if (!skills.every((s) => staff.skills.includes(s))) return 'skill';
  if (distanceKm(staff.base, req.location) > staff.serviceRadiusKm) return 'area';
  if (!withinWorkingHours(staff, req.slotStart, req.slotEnd)) return 'hours';
  if (commitments.visitsThatDay >= staff.dailyCap) return 'cap';
  const wanted = busyRangeOf({ start: req.slotStart, end: req.slotEnd });
  if (commitments.busy.some((b) => rangesOverlap(b, wanted))) return 'busy';
  return null;
}

function reasonsFor(staff: StaffProfile, km: number, req: MatchRequest): string[] {
  const reasons = [req.serviceType === 'claim' ? '熟悉理赔办理' : '有陪诊经验'];
  if (staff.skills.includes('disability_assessment') && req.claimType === 'accident_disability') {
    reasons.push('有伤残鉴定资质');
  }
  reasons.push(`距您 ${formatKm(km)}`);
  if (staff.rating >= 4.8) reasons.push(`评分 ${staff.rating.toFixed(1)}`);
  return reasons;
}

const NO_COMMITMENTS: StaffCommitments = { busy: [], visitsThatDay: 0 };

/** Everyone who can take the visit, best first, each with the reasons to show. */
export function rankCandidates(
  staff: readonly StaffProfile[],
  req: MatchRequest,
  commitmentsOf: (staffId: string) => StaffCommitments | undefined,
): Candidate[] {
  return staff
    .filter((s) => ineligibility(s, req, commitmentsOf(s.id) ?? NO_COMMITMENTS) === null)
    .map((s) => {
      const km = distanceKm(s.base, req.location);
      return { staff: s, distanceKm: km, visitsThatDay: (commitmentsOf(s.id) ?? NO_COMMITMENTS).visitsThatDay, reasons: reasonsFor(s, km, req) };
    })
    .sort((a, b) => a.distanceKm - b.distanceKm || a.visitsThatDay - b.visitsThatDay || b.staff.rating - a.staff.rating);
}
