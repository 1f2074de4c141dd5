/** SQL for the record of a visit: documents, escort milestones, notes and signature, and its log. */
import type { DocumentStatus, EscortMilestone } from '@domain';
import type { Queryable } from '../../db';

export interface DocumentRow {
  bookingId: string;
  key: string;
  status: DocumentStatus;
  originalTaken: boolean;
}

export interface MilestoneRow {
  bookingId: string;
  milestone: EscortMilestone;
  doneAt: Date;
}

export interface RecordRow {
  bookingId: string;
  notes: string | null;
  signatureFileId: string | null;
  signedAt: Date | null;
}

export async function documentsOf(q: Queryable, bookingIds: readonly string[]): Promise<DocumentRow[]> {
  const r = await q.query<DocumentRow>(
    `select booking_id as "bookingId", doc_key as key, status, original_taken as "originalTaken"
       from visit_record_documents where booking_id = any($1::uuid[])`,
    [bookingIds],
  );
  return r.rows;
}

export async function milestonesOf(q: Queryable, bookingIds: readonly string[]): Promise<MilestoneRow[]> {
  const r = await q.query<MilestoneRow>(
    `select booking_id as "bookingId", milestone, done_at as "doneAt" from visit_record_milestones where booking_id = any($1::uuid[])`,
    [bookingIds],
  );
  return r.rows;
}

export async function recordRowsOf(q: Queryable, bookingIds: readonly string[]): Promise<RecordRow[]> {
  const r = await q.query<RecordRow>(
    `select booking_id as "bookingId", assessment_notes as notes, signature_file_id as "signatureFileId", signed_at as "signedAt"
       from visit_records where booking_id = any($1::uuid[])`,
    [bookingIds],
  );
  return r.rows;
}

export async function saveDocument(
  q: Queryable,
  d: { bookingId: string; key: string; status: DocumentStatus; originalTaken: boolean; at: Date },
): Promise<void> {
  await q.query(
    `insert into visit_record_documents (booking_id, doc_key, status, original_taken, updated_at) values ($1, $2, $3, $4, $5::timestamptz)
     on conflict (booking_id, doc_key) do update set status = excluded.status, original_taken = excluded.original_taken, updated_at = excluded.updated_at`,
    [d.bookingId, d.key, d.status, d.originalTaken, d.at.toISOString()],
  );
}

/** A photo of a document not yet dealt with means it was collected; a decided status is kept. */
export async function markCollectedIfPending(q: Queryable, bookingId: string, key: string, at: Date): Promise<void> {
  await q.query(
    `insert into visit_record_documents (booking_id, doc_key, status, updated_at) values ($1, $2, 'collected', $3::timestamptz)
     on conflict (booking_id, doc_key) do update set status = 'collected', updated_at = excluded.updated_at
      where visit_record_documents.status = 'pending'`,
    [bookingId, key, at.toISOString()],
  );
}

export async function saveMilestone(q: Queryable, bookingId: string, milestone: EscortMilestone, doneAt: Date | null): Promise<void> {
  if (!doneAt) {
    await q.query('delete from visit_record_milestones where booking_id = $1 and milestone = $2', [bookingId, milestone]);
    return;
  }
  await q.query(
    `insert into visit_record_milestones (booking_id, milestone, done_at) values ($1, $2, $3::timestamptz)
     on conflict (booking_id, milestone) do update set done_at = excluded.done_at`,
    [bookingId, milestone, doneAt.toISOString()],
  );
}

export async function saveNotes(q: Queryable, bookingId: string, notes: string): Promise<void> {
  await q.query(
    `insert into visit_records (booking_id, assessment_notes) values ($1, $2)
     on conflict (booking_id) do update set assessment_notes = excluded.assessment_notes`,
    [bookingId, notes],
  );
}

/** Points the record at a new signature; returns the file id of the one it replaces, if any. */
export async function saveSignature(q: Queryable, bookingId: string, fileId: string, at: Date): Promise<string | null> {
  const before = await q.query<{ fileId: string | null }>('select signature_file_id as "fileId" from visit_records where booking_id = $1', [bookingId]);
  await q.query(
    `insert into visit_records (booking_id, signature_file_id, signed_at) values ($1, $2, $3::timestamptz)
     on conflict (booking_id) do update set signature_file_id = excluded.signature_file_id, signed_at = excluded.signed_at`,
    [bookingId, fileId, at.toISOString()],
  );
  return before.rows[0]?.fileId ?? null;
}

/** When the staff member arrived (the latest arrival event): milestones cannot be earlier. */
export async function arrivedAt(q: Queryable, bookingId: string): Promise<Date | null> {
  const r = await q.query<{ at: Date }>(`select at from visit_events where booking_id = $1 and action = 'arrive' order by seq desc limit 1`, [bookingId]);
  return r.rows[0] ? new Date(r.rows[0].at) : null;
}
