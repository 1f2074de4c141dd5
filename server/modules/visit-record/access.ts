/**
 * Who may write a visit's record, and when: only the staff member it is assigned to (anyone else:
 * NOT_FOUND), and only from arrival until it is finished (else TRANSITION_NOT_ALLOWED). Also where a replayed Idempotency-Key is recognised: before the status
 * check, so a write that arrives again after 完成 is answered, not refused.
 */
import { DomainError, type VisitStatus } from '@domain';
import type { Queryable } from '../../db';
import { announceRecordChange } from '../live/announce';
import type { BookingRow } from '../bookings/repository';
import { assertSameRequest, type Idempotency } from '../staff/idempotency';
import { findAssignedForUpdate } from '../staff/repository';
import { findLogByKey, type LogEntry } from './log-repository';

/** The record is written at the customer's door: after the door code, before 完成. */
export const RECORD_EDITABLE_STATUSES: readonly VisitStatus[] = ['arrived', 'in_service'];

export type RecordWrite = { kind: 'replay'; row: BookingRow; prior: LogEntry } | { kind: 'fresh'; row: BookingRow };

/** Locks the visit for this write, or says the write was already applied (a replay). */
export async function openRecordWrite(tx: Queryable, staffId: string, bookingId: string, idem: Idempotency | null): Promise<RecordWrite> {
  const row = await findAssignedForUpdate(tx, bookingId, staffId);
  const prior = idem ? await findLogByKey(tx, staffId, idem.key) : null;
  if (idem && prior) {
    assertSameRequest(idem, prior);
    if (!row) throw new DomainError('NOT_FOUND');
    return { kind: 'replay', row, prior };
  }
  if (!row) throw new DomainError('NOT_FOUND');
  if (!RECORD_EDITABLE_STATUSES.includes(row.status)) throw new DomainError('TRANSITION_NOT_ALLOWED', { from: row.status });
  // Delivered at commit only: if the write is refused after this, nobody hears of it.
  await announceRecordChange(tx, row);
  return { kind: 'fresh', row };
}
