/**
 * What the staff member records at the door: each claim document's state, the escort's
 * milestones, the disability assessment notes. Each write is one transaction: the change and its
 * row in the record log (with the Idempotency-Key), so a write replayed by the offline queue is
 * applied once and the log reads back what the server received, in order.
 */
import {
  assessmentRequired,
  claimChecklist,
  DomainError,
  type AssessmentBody,
  type Clock,
  type DocumentBody,
  type DocumentStatus,
  type EscortMilestone,
  type MilestoneBody,
  type VisitRecord,
} from '@domain';
import { transactionWithRetry, type Db, type Queryable } from '../../db';
import type { AuthUser } from '../../types';
import type { BookingRow } from '../bookings/repository';
import { idempotency } from '../staff/idempotency';
import { openRecordWrite } from './access';
import { appendLog, type RecordChangeKind } from './log-repository';
import { arrivedAt, saveDocument, saveMilestone, saveNotes } from './repository';
import { recordOf } from './view';

interface Change {
  kind: RecordChangeKind;
  item: string | null;
  body: unknown;
  /** Applies the change to the locked visit; returns what the log keeps of it. */
  apply(tx: Queryable, row: BookingRow, now: Date): Promise<Record<string, unknown>>;
}

/** A moment the phone reports (sent late when offline), kept between the arrival and now. */
function withinVisit(at: string | undefined, arrival: Date | null, now: Date): Date {
  const t = at ? new Date(at) : now;
  if (t > now) return now;
  return arrival && t < arrival ? arrival : t;
}

export class VisitRecordService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  setDocument(staff: AuthUser, bookingId: string, key: string, body: DocumentBody, idempotencyKey?: string): Promise<VisitRecord> {
    return this.write(staff, bookingId, idempotencyKey, {
      kind: 'document',
      item: key,
      body,
      apply: async (tx, row, now) => {
        if (row.serviceType !== 'claim' || !claimChecklist(row.claimType).some((d) => d.key === key)) throw new DomainError('NOT_FOUND');
        // Only an original that was collected can be taken away (and listed on the handover receipt).
        if (body.originalTaken && body.status !== 'collected') throw new DomainError('VALIDATION_FAILED', { field: 'originalTaken' });
        // The schema admits only DOCUMENT_STATUSES (its union type reads as string).
        await saveDocument(tx, { bookingId, key, status: body.status as DocumentStatus, originalTaken: body.originalTaken, at: now });
        return { ...body };
      },
    });
  }

  setMilestone(staff: AuthUser, bookingId: string, key: EscortMilestone, body: MilestoneBody, idempotencyKey?: string): Promise<VisitRecord> {
    return this.write(staff, bookingId, idempotencyKey, {
      kind: 'milestone',
      item: key,
      body,
      apply: async (tx, row, now) => {
        if (row.serviceType !== 'escort') throw new DomainError('NOT_FOUND');
        const doneAt = body.done ? withinVisit(body.at, await arrivedAt(tx, bookingId), now) : null;
        await saveMilestone(tx, bookingId, key, doneAt);
        return { done: body.done, at: doneAt?.toISOString() ?? null };
      },
    });
  }

  saveAssessment(staff: AuthUser, bookingId: string, body: AssessmentBody, idempotencyKey?: string): Promise<VisitRecord> {
    return this.write(staff, bookingId, idempotencyKey, {
      kind: 'assessment',
      item: null,
      body,
      apply: async (tx, row) => {
        // Only an accident-disability claim has an assessment in its record.
        if (!assessmentRequired(row.serviceType, row.claimType)) throw new DomainError('NOT_FOUND');
        const notes = body.notes.trim();
        if (!notes) throw new DomainError('VALIDATION_FAILED', { field: 'notes' });
        await saveNotes(tx, bookingId, notes);
        return { notes };
      },
    });
  }

  private write(staff: AuthUser, bookingId: string, key: string | undefined, change: Change): Promise<VisitRecord> {
    const idem = idempotency(key, ['record', bookingId, change.kind, change.item, change.body]);
    return transactionWithRetry(this.db, async (tx) => {
      const opened = await openRecordWrite(tx, staff.id, bookingId, idem);
      if (opened.kind === 'fresh') {
        const now = this.clock.now();
        const payload = await change.apply(tx, opened.row, now);
        await appendLog(tx, {
          bookingId, actorId: staff.id, at: now, kind: change.kind, item: change.item, payload,
          idempotencyKey: idem?.key ?? null, requestHash: idem?.hash ?? null,
        });
      }
      return recordOf(tx, opened.row);
    });
  }
}
