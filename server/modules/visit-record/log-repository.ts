/**
 * SQL for visit_record_log: every change of a visit's record, append-only, in the order the
 * server received it, with the Idempotency-Key it came with.
 */
import type { Queryable } from '../../db';

export type RecordChangeKind = 'document' | 'milestone' | 'assessment' | 'photo' | 'signature';

export interface NewLogEntry {
  bookingId: string;
  actorId: string;
  at: Date;
  kind: RecordChangeKind;
  item: string | null;
  payload: Record<string, unknown>;
  idempotencyKey: string | null;
  requestHash: string | null;
}

export interface LogEntry {
  bookingId: string;
  kind: RecordChangeKind;
  item: string | null;
  payload: Record<string, unknown>;
  requestHash: string | null;
}

/** Appends the next entry of the visit; the booking row is locked by the caller, so seq cannot race. */
export async function appendLog(q: Queryable, e: NewLogEntry): Promise<void> {
  await q.query(
    `insert into visit_record_log (booking_id, seq, actor_id, at, kind, item, payload, idempotency_key, request_hash)
     select $1, coalesce(max(seq), 0) + 1, $2, $3::timestamptz, $4, $5, $6::text::jsonb, $7, $8
       from visit_record_log where booking_id = $1`,
    [e.bookingId, e.actorId, e.at.toISOString(), e.kind, e.item, JSON.stringify(e.payload), e.idempotencyKey, e.requestHash],
  );
}

export async function findLogByKey(q: Queryable, actorId: string, key: string): Promise<LogEntry | null> {
  const r = await q.query<LogEntry>(
    `select booking_id as "bookingId", kind, item, payload, request_hash as "requestHash"
       from visit_record_log where actor_id = $1 and idempotency_key = $2`,
    [actorId, key],
  );
  return r.rows[0] ?? null;
}
