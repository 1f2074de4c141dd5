/**
 * Booking a visit: one transaction from "submitted" to "offered" to the best staff member, so a
 * refusal leaves nothing behind. Safe to retry: the Idempotency-Key returns the same booking, and
 * a transaction that lost a race in the database is run again (it then sees the slot taken).
 */
import {
  busyRangeOf,
  DomainError,
  type BookingView,
  type Clock,
  type CreateBookingBody,
} from '@domain';
import { transactionWithRetry, type Db, type Queryable } from '../../db';
import type { AuthUser } from '../../types';
import { findForElder } from '../addresses/repository';
import { actingRoleFor, visibleElderIds } from '../customers/access';
import type { LifecycleConfig } from '../../config';
import { claimBestCandidate } from '../matching/matcher';
import { checkShape, contactOf, planVisit, requestHash, type VisitPlan } from './create-request';
import { insertEscortDetails, setContact } from './details-repository';
import { applyTransition } from './lifecycle';
import { matchTargets, offerTo, SYSTEM } from './matching-flow';
import * as repo from './repository';
import { bookingView, bookingViews, type ViewPolicy } from './views';

export interface CreateOutcome {
  booking: BookingView;
  /** false when an earlier request with the same Idempotency-Key made it. */
  created: boolean;
}

export class BookingService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly lifecycle: LifecycleConfig,
  ) {}

  private policy(): ViewPolicy {
    return { now: this.clock.now(), cutoffMinutes: this.lifecycle.changeCutoffMinutes };
  }

  async create(actor: AuthUser, body: CreateBookingBody, idempotencyKey: string): Promise<CreateOutcome> {
    return transactionWithRetry(this.db, (tx) => this.createOnce(tx, actor, body, idempotencyKey));
  }

  async list(actor: AuthUser): Promise<BookingView[]> {
    return this.db.transaction(async (tx) => {
      const rows = await repo.listForElders(tx, await visibleElderIds(tx, actor.id), this.clock.now());
      return bookingViews(tx, rows, actor.id, this.policy());
    });
  }

  /** Someone else's booking is NOT_FOUND, never FORBIDDEN: ids cannot be probed. */
  async get(actor: AuthUser, id: string): Promise<BookingView> {
    return this.db.transaction(async (tx) => {
      const row = await repo.findById(tx, id);
      if (!row || !(await visibleElderIds(tx, actor.id)).includes(row.elderId)) throw new DomainError('NOT_FOUND');
      return bookingView(tx, row, actor.id, this.policy());
    });
  }

  private async createOnce(tx: Queryable, actor: AuthUser, body: CreateBookingBody, key: string): Promise<CreateOutcome> {
    checkShape(body);
    const elderId = body.elderId ?? actor.id;
    const bookedByRole = await actingRoleFor(tx, actor.id, elderId);
    const hash = requestHash(elderId, body);
    const existing = await repo.findByIdempotencyKey(tx, actor.id, key);
    if (existing) {
      if (existing.requestHash !== hash) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
      return { booking: await bookingView(tx, existing, actor.id, this.policy()), created: false };
    }
    const address = await findForElder(tx, body.addressId, elderId);
    if (!address) throw new DomainError('ADDRESS_NOT_FOUND');
    const now = this.clock.now();
    const plan = planVisit(body, now);
    const { slot } = plan;
    const busy = busyRangeOf(slot);
    const submitted = await repo.insertSubmitted(tx, {
      elderId, bookedBy: actor.id, bookedByRole, serviceType: body.serviceType, claimType: plan.claimType,
      address, note: body.note?.trim() || null, slotStart: slot.start, slotEnd: slot.end,
      busyStart: busy.busyStart, busyEnd: busy.busyEnd, idempotencyKey: key, requestHash: hash, at: now,
    });
    await this.saveDetails(tx, submitted.id, body, bookedByRole, plan);
    await repo.appendEvent(tx, {
      bookingId: submitted.id, fromStatus: null, toStatus: 'submitted', action: 'submit',
      actorRole: bookedByRole, actorId: actor.id, staffId: null, reason: null, at: now,
    });
    const offered = await this.match(tx, submitted, now);
    return { booking: await bookingView(tx, offered, actor.id, this.policy()), created: true };
  }

  /** The contact choice (when not the default) and an escort's details, in the booking's transaction. */
  private async saveDetails(tx: Queryable, bookingId: string, body: CreateBookingBody, role: 'customer' | 'family', plan: VisitPlan): Promise<void> {
    const contact = contactOf(body, role);
    if (contact !== 'elder') await setContact(tx, bookingId, contact);
    if (!plan.escort) return;
    const { details, hospital } = plan.escort;
    await insertEscortDetails(tx, {
      bookingId, hospitalId: hospital.id, hospitalName: hospital.name, department: details.department,
      appointmentAt: new Date(details.appointmentAt).toISOString(), pickUp: details.pickUp, mobility: details.mobility,
    });
  }

  /** submitted → matching → offered to the best candidate; a refusal rolls the whole booking back. */
  private async match(tx: Queryable, submitted: repo.BookingRow, now: Date): Promise<repo.BookingRow> {
    const matching = await applyTransition(tx, submitted, { action: 'start_matching', actor: SYSTEM, at: now });
    const [target] = await matchTargets(tx, [matching]);
    const best = await claimBestCandidate(tx, target);
    if (best === 'taken') throw new DomainError('SLOT_TAKEN');
    if (best === 'unavailable') throw new DomainError('SLOT_NOT_AVAILABLE');
    return offerTo(tx, matching, best, now, this.lifecycle.offerTtlMinutes);
  }
}
