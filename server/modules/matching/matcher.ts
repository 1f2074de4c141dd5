/**
 * Picks the dedicated person for bookings inside the caller's transaction. The domain engine ranks
 * (or, for many bookings at once, assigns them together); then the chosen people's rows are locked
 * and re-checked with fresh data, so two transactions for the same person queue on that lock rather
 * than both believing the slot is free. (The exclusion constraint on bookings stays the last line
 * of defence.)
 */
import {
  assignBatch,
  chinaDate,
  createStaffPool,
  ineligibility,
  rankCandidates,
  requiredSkills,
  type Candidate,
  type ClaimType,
  type CustomerPreferences,
  type MatchRequest,
  type ServiceType,
} from '@domain';
import type { Queryable } from '../../db';
import { loadCustomerPreferences, lockStaff, lockStaffMany } from './repository';
import { loadSnapshot, type StaffSnapshot } from './snapshot';

/** A booking to match, as the server knows it. */
export interface MatchTarget {
  bookingId: string;
  elderId: string;
  serviceType: ServiceType;
  claimType: ClaimType | null;
  location: { lat: number; lng: number };
  slotStart: string;
  slotEnd: string;
  /** Declined, let the offer lapse, or otherwise must not be asked. */
  excludedStaffIds: readonly string[];
}

/** Why nobody was found: everyone fitting is busy or full (taken), or nobody fits at all. */
export type NoMatch = 'taken' | 'unavailable';

async function requestsFor(q: Queryable, targets: readonly MatchTarget[]): Promise<MatchRequest[]> {
  const prefs = await loadCustomerPreferences(q, [...new Set(targets.map((t) => t.elderId))]);
  return targets.map((t) => {
    const p = prefs.get(t.elderId);
    const customer: CustomerPreferences = { customerId: t.elderId, dialect: p?.dialect ?? null, preferredGender: p?.preferredGender ?? null };
    return {
      bookingId: t.bookingId,
      serviceType: t.serviceType,
      claimType: t.claimType,
      location: t.location,
      slotStart: t.slotStart,
      slotEnd: t.slotEnd,
      customer,
      excludedStaffIds: t.excludedStaffIds,
    };
  });
}

/** The engine's request for one booking (reads the elder's preferences). */
export async function requestFor(q: Queryable, target: MatchTarget): Promise<MatchRequest> {
  const [req] = await requestsFor(q, [target]);
  return req;
}

const skillsOf = (targets: readonly MatchTarget[]) => [...new Set(targets.flatMap((t) => requiredSkills(t.serviceType, t.claimType)))];

function snapshotFor(q: Queryable, targets: readonly MatchTarget[], onlyStaffIds?: string[]): Promise<StaffSnapshot> {
  return loadSnapshot(q, {
    skills: skillsOf(targets),
    dates: [...new Set(targets.map((t) => chinaDate(t.slotStart)))],
    elderIds: [...new Set(targets.map((t) => t.elderId))],
    ignoreBookingIds: targets.map((t) => t.bookingId),
    onlyStaffIds,
  });
}

/** Still free after taking their lock? Re-reads this person's commitments inside the transaction. */
async function stillEligible(q: Queryable, target: MatchTarget, req: MatchRequest, candidate: Candidate): Promise<boolean> {
  const fresh = await snapshotFor(q, [target], [candidate.staff.id]);
  return ineligibility(candidate.staff, req, fresh.contextFor(chinaDate(target.slotStart)).commitmentsOf(candidate.staff.id) ?? { busy: [], visitsThatDay: 0 }) === null;
}

/** Everyone who can take this booking now, best first, with the reasons to show. */
export async function rankFor(q: Queryable, target: MatchTarget): Promise<{ ranked: Candidate[]; snapshot: StaffSnapshot; req: MatchRequest }> {
  const [req] = await requestsFor(q, [target]);
  const snapshot = await snapshotFor(q, [target]);
  const ranked = rankCandidates(snapshot.staff, req, snapshot.contextFor(chinaDate(target.slotStart)));
  return { ranked, snapshot, req };
}

/**
 * The best person for one booking, locked for this transaction. `prefer` (the person already
 * serving the visit, when it moves) wins whenever they can still take it.
 */
export async function claimBestCandidate(q: Queryable, target: MatchTarget, prefer: string | null = null): Promise<Candidate | NoMatch> {
  const { ranked, snapshot, req } = await rankFor(q, target);
  const ordered = prefer ? [...ranked.filter((c) => c.staff.id === prefer), ...ranked.filter((c) => c.staff.id !== prefer)] : ranked;
  for (const candidate of ordered) {
    await lockStaff(q, candidate.staff.id);
    if (await stillEligible(q, target, req, candidate)) return candidate;
  }
  // Busy and cap are checked last, so a person refused for them fits in every other way.
  const ctx = snapshot.contextFor(chinaDate(target.slotStart));
  const someoneFits = snapshot.staff.some((s) => {
    const why = ineligibility(s, req, ctx.commitmentsOf(s.id) ?? { busy: [], visitsThatDay: 0 });
    return why === 'busy' || why === 'cap' || why === null;
  });
  return someoneFits ? 'taken' : 'unavailable';
}

/**
 * Many bookings at once (a staff member fell ill, a wave of lapsed offers): assigned together per
 * day to minimise the total cost, then locked and re-checked. A booking whose chosen person was
 * taken meanwhile falls back to the best single match. null: nobody can take it.
 */
export async function assignTogether(q: Queryable, targets: readonly MatchTarget[]): Promise<Map<string, Candidate | null>> {
  const out = new Map<string, Candidate | null>();
  const byDate = new Map<string, MatchTarget[]>();
  for (const t of targets) byDate.set(chinaDate(t.slotStart), [...(byDate.get(chinaDate(t.slotStart)) ?? []), t]);
  for (const [date, group] of [...byDate.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const requests = await requestsFor(q, group);
    const snapshot = await snapshotFor(q, group);
    const result = assignBatch(requests, createStaffPool(snapshot.staff), snapshot.contextFor(date));
    await lockStaffMany(q, result.assignments.map((a) => a.candidate.staff.id));
    for (const id of result.unassigned) out.set(id, null);
    for (const { bookingId, candidate } of result.assignments) {
      const target = group.find((t) => t.bookingId === bookingId) as MatchTarget;
      const req = requests.find((r) => r.bookingId === bookingId) as MatchRequest;
      if (await stillEligible(q, target, req, candidate)) {
        out.set(bookingId, candidate);
        continue;
      }
      const single = await claimBestCandidate(q, target);
      out.set(bookingId, typeof single === 'string' ? null : single);
    }
  }
  return out;
}
