/**
 * Hard constraints: who cannot take a visit at all. The request's own facts (skills, weekday,
 * clock times, the time it holds) are worked out once, so checking thousands of people stays cheap.
 */
import { distanceKm } from '../geo';
import { requiredSkills, type Skill } from '../services';
import { busyRangeOf } from '../slots';
import type { StaffProfile, WeeklyHours } from '../staff';
import { chinaDate, chinaTime, chinaWeekday } from '../time';
import { clockMinutes, skillMask } from './staff-index';
import type { IneligibleReason, MatchRequest, StaffCommitments } from './types';

export interface PreparedRequest {
  req: MatchRequest;
  skills: readonly Skill[];
  weekday: keyof WeeklyHours;
  /** China wall clock "HH:mm" of the visit's start and end. */
  from: string;
  to: string;
  /** The same as minutes since midnight (the staff index compares numbers). */
  fromMin: number;
  toMin: number;
  /** requiredSkills as bits (staff-index.skillMask). */
  skillMask: number;
  /** China date, YYYY-MM-DD: the day whose cap the visit counts against. */
  day: string;
  /** The time the visit holds (travel buffer before, up to the end), as epoch ms. */
  busyStartMs: number;
  busyEndMs: number;
  excluded: ReadonlySet<string>;
}

/** The facts that depend only on the visit's start and end (date formatting is the slow part). */
export type VisitTimes = Pick<PreparedRequest, 'weekday' | 'from' | 'to' | 'fromMin' | 'toMin' | 'day' | 'busyStartMs' | 'busyEndMs'>;

function visitTimes(slotStart: string, slotEnd: string): VisitTimes {
  const held = busyRangeOf({ start: slotStart, end: slotEnd });
  const from = chinaTime(slotStart).format('HH:mm');
  const to = chinaTime(slotEnd).format('HH:mm');
  return {
    weekday: String(chinaWeekday(slotStart)) as keyof WeeklyHours,
    from,
    to,
    fromMin: clockMinutes(from),
    toMin: clockMinutes(to),
    day: chinaDate(slotStart),
    busyStartMs: held.busyStart.getTime(),
    busyEndMs: held.busyEnd.getTime(),
  };
}

/** A string is its own key; anything else (a Date passed despite the type) keys by its instant. */
const instantKey = (t: unknown): string => (typeof t === 'string' ? `s${t}` : `t${new Date(t as Date).getTime()}`);

/**
 * `times` (optional, e.g. one per batch) remembers the time facts per (start, end): a batch's
 * bookings share a handful of visit times.
 */
export function prepareRequest(req: MatchRequest, times?: Map<string, VisitTimes>): PreparedRequest {
  let t: VisitTimes | undefined;
  if (times) {
    const key = `${instantKey(req.slotStart)}|${instantKey(req.slotEnd)}`;
    t = times.get(key);
    if (!t) times.set(key, (t = visitTimes(req.slotStart, req.slotEnd)));
  } else t = visitTimes(req.slotStart, req.slotEnd);
  const skills = requiredSkills(req.serviceType, req.claimType);
  return { req, skills, ...t, skillMask: skillMask(skills), excluded: new Set(req.excludedStaffIds ?? []) };
}

function onDuty(staff: StaffProfile, p: PreparedRequest): boolean {
  const ranges = staff.workingHours[p.weekday];
  if (!ranges) return false;
  for (let i = 0; i < ranges.length; i++) {
    const range = ranges[i];
    if (range[0] <= p.from && p.to <= range[1]) return true;
  }
  return false;
}

/** True when the visit's held time overlaps time the person already holds. */
export function clashes(p: PreparedRequest, c: StaffCommitments): boolean {
  for (let i = 0; i < c.busy.length; i++) {
    const b = c.busy[i];
    if (b.busyStart.getTime() < p.busyEndMs && p.busyStartMs < b.busyEnd.getTime()) return true;
  }
  return false;
}

/** The rules that depend on who and where: declined, skill, area. */
export function personIneligible(staff: StaffProfile, p: PreparedRequest, km: number): IneligibleReason | null {
  if (p.excluded.size > 0 && p.excluded.has(staff.id)) return 'declined';
  for (const skill of p.skills) if (!staff.skills.includes(skill)) return 'skill';
  if (km > staff.serviceRadiusKm) return 'area';
  return null;
}

/** The rules that depend only on the person and the visit's time: hours, cap, busy. */
export function timeIneligible(staff: StaffProfile, p: PreparedRequest, c: StaffCommitments): IneligibleReason | null {
  if (!onDuty(staff, p)) return 'hours';
  if (c.visitsThatDay >= staff.dailyCap) return 'cap';
  if (clashes(p, c)) return 'busy';
  return null;
}

/** Same rule as `ineligibility`, for a prepared request and a known distance. */
export function ineligibleFor(staff: StaffProfile, p: PreparedRequest, c: StaffCommitments, km: number): IneligibleReason | null {
  return personIneligible(staff, p, km) ?? timeIneligible(staff, p, c);
}

/** Why this person cannot take the visit, or null if they can. Busy and cap come last on purpose:
 *  a person refused for them fits in every other way (the server tells "taken" from "nobody"). */
export function ineligibility(staff: StaffProfile, req: MatchRequest, c: StaffCommitments): IneligibleReason | null {
  return ineligibleFor(staff, prepareRequest(req), c, distanceKm(staff.base, req.location));
}
