/**
 * Booking a visit: one transaction from "submitted" to "offered" to the best staff member, so a
 * refusal leaves nothing behind. Safe to retry: the Idempotency-Key returns the same booking, and
 * a transaction that lost a race in the database is run again (it then sees the slot taken).
 */
import { createHash } from 'node:crypto';
import {
  busyRangeOf,
  DomainError,
  findSlot,
  type BookingView,
  type Clock,
  type CreateBookingBody,
  type GeoPoint,
  type Slot,
} from '@domain';
import { SQLSTATE, sqlState, type Db, type Queryable } from '../../db';
import type { AuthUser } from '../../types';
import { findForElder } from '../addresses/repository';
import { actingRoleFor, visibleElderIds } from '../customers/access';
import { claimBestCandidate } from '../matching/matcher';
import { applyTransition, type Actor } from './lifecycle';
import * as repo from './repository';
import { bookingView, bookingViews } from './views';

/** Errors that mean "another transaction got there first": running ours again gives the true answer. */
const RETRYABLE = new Set<string>([SQLSTATE.exclusionViolation, SQLSTATE.uniqueViolation, SQLSTATE.serializationFailure, SQLSTATE.deadlockDetected]);
const MAX_ATTEMPTS = 5;

export interface CreateOutcome {
  booking: BookingView;
  /** false when an earlier request with the same Idempotency-Key made it. */
  created: boolean;
}

function requestHash(elderId: string, body: CreateBookingBody): string {
  const canonical = [body.serviceType, body.claimType, elderId, body.addressId, new Date(body.slotStart).toISOString(), body.note ?? ''];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

export class BookingService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async create(actor: AuthUser, body: CreateBookingBody, idempotencyKey: string): Promise<CreateOutcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction((tx) => this.createOnce(tx, actor, body, idempotencyKey));
      } catch (err) {
        const state = sqlState(err);
        if (attempt >= MAX_ATTEMPTS || !state || !RETRYABLE.has(state)) throw err;
      }
    }
  }

  async list(actor: AuthUser): Promise<BookingView[]> {
    return this.db.transaction(async (tx) => {
      const rows = await repo.listForElders(tx, await visibleElderIds(tx, actor.id), this.clock.now());
      return bookingViews(tx, rows, actor.id);
    });
  }

  /** Someone else's booking is NOT_FOUND, never FORBIDDEN: ids cannot be probed. */
  async get(actor: AuthUser, id: string): Promise<BookingView> {
    return this.db.transaction(async (tx) => {
      const row = await repo.findById(tx, id);
      if (!row || !(await visibleElderIds(tx, actor.id)).includes(row.elderId)) throw new DomainError('NOT_FOUND');
      return bookingView(tx, row, actor.id);
    });
  }

  private async createOnce(tx: Queryable, actor: AuthUser, body: CreateBookingBody, key: string): Promise<CreateOutcome> {
    const elderId = body.elderId ?? actor.id;
    const bookedByRole = await actingRoleFor(tx, actor.id, elderId);
    const hash = requestHash(elderId, body);
    const existing = await repo.findByIdempotencyKey(tx, actor.id, key);
    if (existing) {
      if (existing.requestHash !== hash) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
      return { booking: await bookingView(tx, existing, actor.id), created: false };
    }
    const address = await findForElder(tx, body.addressId, elderId);
    if (!address) throw new DomainError('ADDRESS_NOT_FOUND');
    const now = this.clock.now();
    const slot = findSlot(body.serviceType, body.slotStart, now);
    if (!slot) throw new DomainError('SLOT_NOT_AVAILABLE');
    const busy = busyRangeOf(slot);
    const submitted = await repo.insertSubmitted(tx, {
      elderId, bookedBy: actor.id, bookedByRole, serviceType: body.serviceType, claimType: body.claimType,
      address, note: body.note?.trim() || null, slotStart: slot.start, slotEnd: slot.end,
      busyStart: busy.busyStart, busyEnd: busy.busyEnd, idempotencyKey: key, requestHash: hash, at: now,
    });
    await repo.appendEvent(tx, {
      bookingId: submitted.id, fromStatus: null, toStatus: 'submitted', action: 'submit',
      actorRole: bookedByRole, actorId: actor.id, staffId: null, reason: null, at: now,
    });
    const offered = await this.match(tx, submitted, slot, address, now);
    return { booking: await bookingView(tx, offered, actor.id), created: true };
  }

  /** submitted → matching → offered to the best candidate; a refusal rolls the whole booking back. */
  private async match(tx: Queryable, submitted: repo.BookingRow, slot: Slot, location: GeoPoint, now: Date): Promise<repo.BookingRow> {
    const system: Actor = { role: 'system', id: null };
    const matching = await applyTransition(tx, submitted, { action: 'start_matching', actor: system, at: now });
    const req = { serviceType: matching.serviceType, claimType: matching.claimType, location, slotStart: slot.start, slotEnd: slot.end };
    const best = await claimBestCandidate(tx, req, slot);
    if (best === 'taken') throw new DomainError('SLOT_TAKEN');
    if (best === 'unavailable') throw new DomainError('SLOT_NOT_AVAILABLE');
    const offered = await applyTransition(tx, matching, {
      action: 'offer', actor: system, at: now, staffId: best.staff.id, matchReasons: best.reasons,
    });
    await repo.insertOffer(tx, { bookingId: offered.id, staffId: best.staff.id, reasons: best.reasons, at: now });
    return offered;
  }
}
