/**
 * The only way a booking's status changes: the domain state machine decides, then the new status
 * and its event are written together, guarded by the version the caller read.
 */
import { DomainError, transition, type ActorRole, type VisitAction } from '@domain';
import type { Queryable } from '../../db';
import { afterVisitChange } from './change-effects';
import { appendEvent, settleOffer, updateStatus, type BookingRow, type OfferOutcome } from './repository';

/** What leaving 'offered' means for the pending offer; any other way out withdraws it. */
const OFFER_OUTCOME: Partial<Record<VisitAction, OfferOutcome>> = { confirm: 'accepted', decline: 'declined', expire: 'expired' };

export interface Actor {
  role: ActorRole;
  /** null for the system. */
  id: string | null;
}

export interface TransitionInput {
  action: VisitAction;
  actor: Actor;
  reason?: string | null;
  at: Date;
  /** Set the assigned staff member (undefined: keep; null: clear). */
  staffId?: string | null;
  matchReasons?: string[];
  /** For 'offered': when the offer lapses. */
  offerExpiresAt?: Date;
  /** A fresh door code (on confirmation). */
  doorCode?: string;
  /** Where the staff member was (depart, arrive). */
  location?: { lat: number; lng: number } | null;
  /** A staff write's Idempotency-Key (and request hash): kept on this change's event, so a replay finds it. */
  idempotency?: { key: string; hash: string } | null;
}

/** Applies one transition to the booking as read at its current version; VERSION_CONFLICT if it moved on. */
export async function applyTransition(q: Queryable, booking: BookingRow, input: TransitionInput): Promise<BookingRow> {
  const result = transition({ from: booking.status, action: input.action, role: input.actor.role, reason: input.reason });
  const updated = await updateStatus(q, {
    id: booking.id,
    expectedVersion: booking.version,
    to: result.to,
    at: input.at,
    staffId: input.staffId,
    matchReasons: input.matchReasons,
    offerExpiresAt: input.offerExpiresAt ?? null,
    doorCode: input.doorCode,
  });
  if (!updated) throw new DomainError('VERSION_CONFLICT');
  // The pending offer to the person holding it is closed here, whatever the way out of 'offered'
  // (declined and expired offers are never repeated to that person).
  if (booking.status === 'offered' && booking.staffId) {
    const outcome = OFFER_OUTCOME[input.action] ?? 'withdrawn';
    await settleOffer(q, booking.id, booking.staffId, outcome, input.at, outcome === 'declined' ? result.reason : null);
  }
  await appendEvent(q, {
    bookingId: booking.id,
    fromStatus: result.from,
    toStatus: result.to,
    action: result.action,
    actorRole: result.role,
    actorId: input.actor.id,
    staffId: input.staffId ?? updated.staffId,
    reason: result.reason,
    at: input.at,
    location: input.location ?? null,
    idempotency: input.idempotency ?? null,
  });
  await afterVisitChange(q, {
    booking: updated,
    from: result.from,
    to: result.to,
    action: result.action,
    actorRole: result.role,
    actorId: input.actor.id,
    reason: result.reason ?? null,
    at: input.at,
  });
  return updated;
}
