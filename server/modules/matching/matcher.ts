/**
 * Picks the dedicated person for one booking inside the booking's transaction. Ranks everyone with
 * the domain's rules, then locks the best candidate's row and re-checks with fresh data: two
 * bookings for the same person queue on that lock rather than both believing the slot is free.
 * (The exclusion constraint on bookings stays the last line of defence.)
 */
import { ineligibility, rankCandidates, requiredSkills, type Candidate, type MatchRequest, type Slot } from '@domain';
import type { Queryable } from '../../db';
import { chinaDaysWindow, commitmentsForSlot } from './availability';
import { loadStaffVisits, loadStaffWithSkills, lockStaff } from './repository';

/** Why nobody was found: everyone fitting is busy or full (taken), or nobody fits at all. */
export type NoMatch = 'taken' | 'unavailable';

export async function claimBestCandidate(q: Queryable, req: MatchRequest, slot: Slot): Promise<Candidate | NoMatch> {
  const staff = await loadStaffWithSkills(q, requiredSkills(req.serviceType, req.claimType));
  const { from, to } = chinaDaysWindow([slot]);
  const visits = await loadStaffVisits(q, staff.map((s) => s.id), from, to);
  const commitments = commitmentsForSlot(visits, slot);
  for (const candidate of rankCandidates(staff, req, (id) => commitments.get(id))) {
    await lockStaff(q, candidate.staff.id);
    const fresh = commitmentsForSlot(await loadStaffVisits(q, [candidate.staff.id], from, to), slot);
    if (ineligibility(candidate.staff, req, fresh.get(candidate.staff.id) ?? { busy: [], visitsThatDay: 0 }) === null) {
      return candidate;
    }
  }
  // Busy and cap are checked last, so a person refused for them fits in every other way.
  const someoneFits = staff.some((s) => {
    const why = ineligibility(s, req, commitments.get(s.id) ?? { busy: [], visitsThatDay: 0 });
    return why === 'busy' || why === 'cap' || why === null;
  });
  return someoneFits ? 'taken' : 'unavailable';
}
