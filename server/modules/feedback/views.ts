/** What customers and dispatchers see of ratings and complaints. */
import {
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_STATUS_LABELS,
  complaintPromise,
  type ComplaintView,
  type RatingView,
} from '@domain';
import type { ComplaintRow, RatingRow } from './repository';

const iso = (d: Date | string) => new Date(d).toISOString();

export function ratingView(r: RatingRow): RatingView {
  return { stars: r.stars, nps: r.nps, tags: r.tags, comment: r.comment, createdAt: iso(r.createdAt) };
}

export function complaintView(c: ComplaintRow): ComplaintView {
  return {
    id: c.id,
    bookingId: c.bookingId,
    category: c.category,
    categoryLabel: COMPLAINT_CATEGORY_LABELS[c.category],
    urgent: c.urgent,
    text: c.text,
    status: c.status,
    statusLabel: COMPLAINT_STATUS_LABELS[c.status],
    internalDeadline: iso(c.internalDeadline),
    answerDeadline: iso(c.answerDeadline),
    promise: complaintPromise(c.urgent, new Date(c.answerDeadline)),
    answer: c.answer,
    answeredAt: c.answeredAt ? iso(c.answeredAt) : null,
    createdAt: iso(c.createdAt),
  };
}
