/**
 * After the visit: one rating per visit and complaints with promised response times. The elder
 * and consenting family may do both; someone else's visit is NOT_FOUND (ids cannot be probed).
 */
import {
  canComplain,
  canRate,
  complaintDeadlines,
  DomainError,
  type Clock,
  type ComplaintBody,
  type ComplaintProgressBody,
  type ComplaintView,
  type RatingBody,
  type RatingView,
  type VisitFeedback,
} from '@domain';
import type { Db, Queryable } from '../../db';
import type { AuthUser } from '../../types';
import { findById, type BookingRow } from '../bookings/repository';
import { visibleElderIds } from '../customers/access';
import * as repo from './repository';
import { complaintView, ratingView } from './views';

export interface Outcome<T> {
  value: T;
  /** false when this was a retry of something already saved. */
  created: boolean;
}

async function visibleBooking(q: Queryable, actor: AuthUser, bookingId: string): Promise<BookingRow> {
  const row = await findById(q, bookingId);
  if (!row || !(await visibleElderIds(q, actor.id)).includes(row.elderId)) throw new DomainError('NOT_FOUND');
  return row;
}

const sameTags = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();
const clean = (text: string | undefined) => text?.trim() || null;

export class FeedbackService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async feedback(actor: AuthUser, bookingId: string): Promise<VisitFeedback> {
    return this.db.transaction(async (tx) => {
      const booking = await visibleBooking(tx, actor, bookingId);
      const rating = await repo.findRating(tx, booking.id);
      return {
        bookingId: booking.id,
        canRate: canRate(booking.status) && !rating,
        rating: rating ? ratingView(rating) : null,
        canComplain: canComplain(booking.status),
        complaints: (await repo.complaintsOf(tx, booking.id)).map(complaintView),
      };
    });
  }

  /** Once per visit. The same rating sent again (a retry) answers with the saved one. */
  async rate(actor: AuthUser, bookingId: string, body: RatingBody): Promise<Outcome<RatingView>> {
    return this.db.transaction(async (tx) => {
      const booking = await visibleBooking(tx, actor, bookingId);
      if (!canRate(booking.status)) throw new DomainError('RATING_NOT_ALLOWED', { status: booking.status });
      const comment = clean(body.comment);
      const saved = await repo.insertRating(tx, { bookingId, ratedBy: actor.id, stars: body.stars, nps: body.nps, tags: body.tags, comment, at: this.clock.now() });
      if (saved) {
        // Matching weighs the rating: it moves with what customers say (in the same transaction).
        if (booking.staffId) await repo.applyToStaffRating(tx, booking.staffId, saved.stars);
        return { value: ratingView(saved), created: true };
      }
      const existing = await repo.findRating(tx, bookingId);
      const retry =
        existing &&
        existing.ratedBy === actor.id &&
        existing.stars === body.stars &&
        existing.nps === body.nps &&
        existing.comment === comment &&
        sameTags(existing.tags, body.tags);
      if (!retry) throw new DomainError('ALREADY_RATED');
      return { value: ratingView(existing), created: false };
    });
  }

  async complain(actor: AuthUser, bookingId: string, body: ComplaintBody, key: string): Promise<Outcome<ComplaintView>> {
    return this.db.transaction(async (tx) => {
      const booking = await visibleBooking(tx, actor, bookingId);
      const text = clean(body.text);
      const replay = async (): Promise<Outcome<ComplaintView> | null> => {
        const existing = await repo.findComplaintByKey(tx, actor.id, key);
        if (!existing) return null;
        const same = existing.bookingId === bookingId && existing.category === body.category && existing.urgent === body.urgent && existing.text === text;
        if (!same) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
        return { value: complaintView(existing), created: false };
      };
      const earlier = await replay();
      if (earlier) return earlier;
      if (!canComplain(booking.status)) throw new DomainError('COMPLAINT_NOT_ALLOWED', { status: booking.status });
      const now = this.clock.now();
      const deadlines = complaintDeadlines(now, body.urgent);
      const saved = await repo.insertComplaint(tx, {
        bookingId,
        raisedBy: actor.id,
        raisedByRole: booking.elderId === actor.id ? 'customer' : 'family',
        category: body.category,
        urgent: body.urgent,
        text,
        internalDeadline: deadlines.internalBy,
        answerDeadline: deadlines.answerBy,
        idempotencyKey: key,
        at: now,
      });
      if (saved) return { value: complaintView(saved), created: true };
      // A concurrent retry with the same key committed first: answer with what it saved.
      const raced = await replay();
      if (!raced) throw new DomainError('INTERNAL');
      return raced;
    });
  }

  async openComplaints(): Promise<ComplaintView[]> {
    return (await repo.openComplaints(this.db)).map(complaintView);
  }

  /** received → in_progress → answered; an answered complaint stays answered. */
  async progress(actor: AuthUser, id: string, body: ComplaintProgressBody): Promise<ComplaintView> {
    return this.db.transaction(async (tx) => {
      const complaint = await repo.findComplaint(tx, id);
      if (!complaint) throw new DomainError('NOT_FOUND');
      if (complaint.status === 'answered') throw new DomainError('TRANSITION_NOT_ALLOWED', { status: complaint.status });
      const answer = body.answer?.trim() || null;
      if (body.status === 'answered' && !answer) throw new DomainError('ANSWER_REQUIRED');
      const updated = await repo.updateComplaint(tx, {
        id,
        status: body.status,
        answer: body.status === 'answered' ? answer : null,
        answeredBy: body.status === 'answered' ? actor.id : null,
        at: this.clock.now(),
      });
      return complaintView(updated);
    });
  }
}
