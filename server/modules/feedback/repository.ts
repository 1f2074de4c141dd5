/** SQL for ratings and complaints. */
import type { ComplaintCategory, ComplaintStatus, RatingTag } from '@domain';
import type { Queryable } from '../../db';

export interface RatingRow {
  bookingId: string;
  ratedBy: string;
  stars: number;
  nps: number;
  tags: RatingTag[];
  comment: string | null;
  createdAt: Date;
}

const RATING_COLUMNS = `booking_id as "bookingId", rated_by as "ratedBy", stars, nps, tags, comment, created_at as "createdAt"`;

export async function findRating(q: Queryable, bookingId: string): Promise<RatingRow | null> {
  const r = await q.query<RatingRow>(`select ${RATING_COLUMNS} from visit_ratings where booking_id = $1`, [bookingId]);
  return r.rows[0] ?? null;
}

/** Inserts the rating unless the visit already has one (then null: the caller reads the existing one). */
export async function insertRating(q: Queryable, r: Omit<RatingRow, 'createdAt'> & { at: Date }): Promise<RatingRow | null> {
  const res = await q.query<RatingRow>(
    `insert into visit_ratings (booking_id, rated_by, stars, nps, tags, comment, created_at)
     values ($1, $2, $3, $4, $5::text[], $6, $7)
     on conflict (booking_id) do nothing
     returning ${RATING_COLUMNS}`,
    [r.bookingId, r.ratedBy, r.stars, r.nps, r.tags, r.comment, r.at],
  );
  return res.rows[0] ?? null;
}

/**
 * A new rating moves the staff member's rating: a running mean that starts from their current
 * rating as if it were RATING_PRIOR_WEIGHT ratings, so one early 1-star does not sink a newcomer
 * (nor one 5-star lift them) while many ratings come to dominate.
 */
export const RATING_PRIOR_WEIGHT = 5;

export async function applyToStaffRating(q: Queryable, staffId: string, stars: number): Promise<void> {
  await q.query(
    `update staff_profiles
        set rating = round(((rating * (rating_count + $3) + $2) / (rating_count + $3 + 1))::numeric, 3)::double precision,
            rating_count = rating_count + 1
      where user_id = $1`,
    [staffId, stars, RATING_PRIOR_WEIGHT],
  );
}

export interface ComplaintRow {
  id: string;
  bookingId: string;
  raisedBy: string;
  category: ComplaintCategory;
  urgent: boolean;
  text: string | null;
  status: ComplaintStatus;
  internalDeadline: Date;
  answerDeadline: Date;
  answer: string | null;
  answeredAt: Date | null;
  createdAt: Date;
}

const COMPLAINT_COLUMNS = `id, booking_id as "bookingId", raised_by as "raisedBy", category, urgent, text, status,
  internal_deadline as "internalDeadline", answer_deadline as "answerDeadline", answer, answered_at as "answeredAt",
  created_at as "createdAt"`;

export interface NewComplaint {
  bookingId: string;
  raisedBy: string;
  raisedByRole: 'customer' | 'family';
  category: ComplaintCategory;
  urgent: boolean;
  text: string | null;
  internalDeadline: Date;
  answerDeadline: Date;
  idempotencyKey: string;
  at: Date;
}

/** null when this person already sent a complaint with this key (a retry). */
export async function insertComplaint(q: Queryable, c: NewComplaint): Promise<ComplaintRow | null> {
  const r = await q.query<ComplaintRow>(
    `insert into complaints (booking_id, raised_by, raised_by_role, category, urgent, text, internal_deadline,
       answer_deadline, idempotency_key, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
     on conflict (raised_by, idempotency_key) do nothing
     returning ${COMPLAINT_COLUMNS}`,
    [c.bookingId, c.raisedBy, c.raisedByRole, c.category, c.urgent, c.text, c.internalDeadline, c.answerDeadline, c.idempotencyKey, c.at],
  );
  return r.rows[0] ?? null;
}

export async function findComplaintByKey(q: Queryable, raisedBy: string, key: string): Promise<ComplaintRow | null> {
  const r = await q.query<ComplaintRow>(`select ${COMPLAINT_COLUMNS} from complaints where raised_by = $1 and idempotency_key = $2`, [raisedBy, key]);
  return r.rows[0] ?? null;
}

export async function findComplaint(q: Queryable, id: string): Promise<ComplaintRow | null> {
  const r = await q.query<ComplaintRow>(`select ${COMPLAINT_COLUMNS} from complaints where id = $1 for update`, [id]);
  return r.rows[0] ?? null;
}

export async function complaintsOf(q: Queryable, bookingId: string): Promise<ComplaintRow[]> {
  const r = await q.query<ComplaintRow>(`select ${COMPLAINT_COLUMNS} from complaints where booking_id = $1 order by created_at, id`, [bookingId]);
  return r.rows;
}

/** Open complaints, the one whose internal deadline comes first on top. */
export async function openComplaints(q: Queryable): Promise<ComplaintRow[]> {
  const r = await q.query<ComplaintRow>(
    `select ${COMPLAINT_COLUMNS} from complaints where status <> 'answered' order by internal_deadline, created_at limit 200`,
  );
  return r.rows;
}

export async function updateComplaint(
  q: Queryable,
  c: { id: string; status: ComplaintStatus; answer: string | null; answeredBy: string | null; at: Date },
): Promise<ComplaintRow> {
  const r = await q.query<ComplaintRow>(
    `update complaints
        set status = $2, answer = $3, answered_by = $4, answered_at = case when $2 = 'answered' then $5::timestamptz else null end,
            updated_at = $5
      where id = $1
      returning ${COMPLAINT_COLUMNS}`,
    [c.id, c.status, c.answer, c.answeredBy, c.at],
  );
  return r.rows[0];
}
