/**
 * Reads a create-booking body into what the booking transaction needs: the slot (for an escort,
 * derived from the appointment time and pick-up), the hospital, and the canonical form the
 * Idempotency-Key is tied to. Pure: no database, no clock of its own.
 */
import { createHash } from 'node:crypto';
import {
  DomainError,
  findEscortSlot,
  findHospital,
  findSlot,
  type ClaimType,
  type ContactChoice,
  type CreateBookingBody,
  type EscortDetails,
  type Hospital,
  type Slot,
} from '@domain';

export interface VisitPlan {
  claimType: ClaimType | null;
  slot: Slot;
  escort: { details: EscortDetails; hospital: Hospital } | null;
}

/** A claim needs claimType + slotStart; an escort needs its details and neither of those. */
export function checkShape(body: CreateBookingBody): void {
  const wrong =
    body.serviceType === 'claim'
      ? [!body.claimType && 'claimType', !body.slotStart && 'slotStart', body.escort && 'escort']
      : [!body.escort && 'escort', body.claimType && 'claimType', body.slotStart && 'slotStart'];
  const fields = wrong.filter((f): f is string => !!f);
  if (fields.length > 0) throw new DomainError('VALIDATION_FAILED', { fields });
}

/** The visit this body asks for, or SLOT_NOT_AVAILABLE / HOSPITAL_NOT_FOUND. */
export function planVisit(body: CreateBookingBody, now: Date): VisitPlan {
  if (body.serviceType === 'claim') {
    const slot = findSlot('claim', body.slotStart as string, now);
    if (!slot) throw new DomainError('SLOT_NOT_AVAILABLE');
    return { claimType: body.claimType as ClaimType, slot, escort: null };
  }
  const details = body.escort as EscortDetails;
  const hospital = findHospital(details.hospitalId);
  if (!hospital) throw new DomainError('HOSPITAL_NOT_FOUND');
  const slot = findEscortSlot(details.appointmentAt, details.pickUp, now);
  if (!slot) throw new DomainError('SLOT_NOT_AVAILABLE');
  return { claimType: null, slot, escort: { details, hospital } };
}

/** The elder's own phone unless a family member booked and chose theirs. */
export function contactOf(body: CreateBookingBody, bookedByRole: 'customer' | 'family'): ContactChoice {
  return bookedByRole === 'family' && body.contact === 'booker' ? 'booker' : 'elder';
}

/** What the Idempotency-Key is tied to: the same key with anything else is IDEMPOTENCY_KEY_REUSED. */
export function requestHash(elderId: string, body: CreateBookingBody): string {
  // A claim keeps the form it had before escorts existed, so keys replayed across an upgrade still match.
  const canonical: unknown[] = [body.serviceType, body.claimType, elderId, body.addressId, body.slotStart ? new Date(body.slotStart).toISOString() : undefined, body.note ?? ''];
  if (body.contact === 'booker') canonical.push('booker');
  const e = body.escort;
  if (e) canonical.push([e.hospitalId, e.department, new Date(e.appointmentAt).toISOString(), e.pickUp, [...e.mobility].sort()]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
