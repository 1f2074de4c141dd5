/**
 * What happens to a booking in `matching`: offered to the chosen person with a deadline to answer,
 * or, when nobody can take it, `unmatched` for a dispatcher (the customer's timeline says so
 * honestly). Used by booking, decline, lapsed offers, reschedule, leave and dispatcher rematches.
 */
import { findHospital, type Candidate } from '@domain';
import type { Queryable } from '../../db';
import { assignTogether, type MatchTarget } from '../matching/matcher';
import { detailsOf } from './details-repository';
import { applyTransition, type Actor } from './lifecycle';
import { insertOffer, refusedStaffOf, type BookingRow } from './repository';

export const SYSTEM: Actor = { role: 'system', id: null };

export function targetOf(row: BookingRow, excludedStaffIds: readonly string[]): MatchTarget {
  return {
    bookingId: row.id,
    elderId: row.elderId,
    serviceType: row.serviceType,
    claimType: row.claimType,
    location: { lat: row.addressLat, lng: row.addressLng },
    slotStart: new Date(row.slotStart).toISOString(),
    slotEnd: new Date(row.slotEnd).toISOString(),
    excludedStaffIds,
  };
}

/**
 * The bookings as the engine must see them. An escort without pick-up starts at the hospital, so
 * distance is measured from there; everything else starts at the home address.
 */
export async function matchTargets(q: Queryable, rows: readonly BookingRow[], exclusions: ReadonlyMap<string, readonly string[]> = new Map()): Promise<MatchTarget[]> {
  const escorts = rows.filter((r) => r.serviceType === 'escort').map((r) => r.id);
  const details = escorts.length ? await detailsOf(q, escorts) : new Map();
  return rows.map((row) => {
    const target = targetOf(row, exclusions.get(row.id) ?? []);
    const escort = details.get(row.id)?.escort;
    const hospital = escort && !escort.pickUp ? findHospital(escort.hospitalId) : null;
    return hospital ? { ...target, location: { lat: hospital.lat, lng: hospital.lng } } : target;
  });
}

/** Everyone who declined or let an offer of these bookings lapse, plus anyone named. */
export async function exclusionsFor(q: Queryable, rows: readonly BookingRow[], extra: readonly string[] = []): Promise<Map<string, string[]>> {
  const refused = await refusedStaffOf(q, rows.map((r) => r.id));
  return new Map(rows.map((r) => [r.id, [...new Set([...(refused.get(r.id) ?? []), ...extra])]]));
}

/** matching → offered to this person (with the answer deadline), recorded as an offer. */
export async function offerTo(q: Queryable, matching: BookingRow, candidate: Candidate, now: Date, offerTtlMinutes: number, actor: Actor = SYSTEM, reason: string | null = null): Promise<BookingRow> {
  const expiresAt = new Date(now.getTime() + offerTtlMinutes * 60_000);
  const offered = await applyTransition(q, matching, {
    action: actor.role === 'dispatcher' ? 'reassign' : 'offer',
    actor,
    reason,
    at: now,
    staffId: candidate.staff.id,
    matchReasons: candidate.reasons,
    offerExpiresAt: expiresAt,
  });
  await insertOffer(q, { bookingId: offered.id, staffId: candidate.staff.id, reasons: candidate.reasons, at: now, expiresAt });
  return offered;
}

/** matching → unmatched: nobody can take it now; dispatchers see it at the top of their queue. */
export function markUnmatched(q: Queryable, matching: BookingRow, now: Date): Promise<BookingRow> {
  return applyTransition(q, matching, { action: 'no_match', actor: SYSTEM, at: now, staffId: null });
}

/**
 * Matches bookings that are all in `matching`, together (one booking is a batch of one), and
 * writes each outcome. Returns the rows as they end: offered or unmatched.
 */
export async function matchAll(q: Queryable, rows: readonly BookingRow[], now: Date, offerTtlMinutes: number, extraExcluded: readonly string[] = []): Promise<BookingRow[]> {
  if (rows.length === 0) return [];
  const exclusions = await exclusionsFor(q, rows, extraExcluded);
  const chosen = await assignTogether(q, await matchTargets(q, rows, exclusions));
  const out: BookingRow[] = [];
  for (const row of rows) {
    const candidate = chosen.get(row.id);
    out.push(candidate ? await offerTo(q, row, candidate, now, offerTtlMinutes) : await markUnmatched(q, row, now));
  }
  return out;
}
