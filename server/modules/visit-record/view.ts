/**
 * The record of a visit as the staff member works it (VisitRecord: the checklist of the claim
 * type or the escort's milestones, notes, signature, handover receipt, what still blocks 完成) and
 * as the customer and family see it (CustomerRecord: statuses and counts, never the photos' ids).
 */
import {
  assessmentRequired,
  claimChecklist,
  completionBlockers,
  ESCORT_MILESTONES,
  milestoneLabel,
  type CustomerRecord,
  type DocumentStatus,
  type RecordDocument,
  type VisitRecord,
} from '@domain';
import type { Queryable } from '../../db';
import { detailsOf } from '../bookings/details-repository';
import type { BookingRow } from '../bookings/repository';
import { listForMany, type FileRow } from '../files/repository';
import { fileUrl } from '../files/service';
import { documentsOf, milestonesOf, recordRowsOf, type DocumentRow, type MilestoneRow, type RecordRow } from './repository';

export interface StoredRecord {
  documents: DocumentRow[];
  milestones: MilestoneRow[];
  row: RecordRow | undefined;
  /** The staff member's photos of this visit. */
  photos: FileRow[];
}

type VisitOfRecord = Pick<BookingRow, 'serviceType' | 'claimType'> & { pickUp: boolean };

/** RecordDocument with its status as the literal union (the schema's union type reads as string). */
type Document = RecordDocument & { status: DocumentStatus };

function recordDocuments(visit: VisitOfRecord, stored: StoredRecord): Document[] {
  if (visit.serviceType !== 'claim') return [];
  return claimChecklist(visit.claimType).map(({ key, label }) => {
    const row = stored.documents.find((d) => d.key === key);
    const status: DocumentStatus = row?.status ?? 'pending';
    return {
      key,
      label,
      status,
      originalTaken: row?.originalTaken ?? false,
      photoIds: stored.photos.filter((p) => p.itemKey === key).map((p) => p.id),
    };
  });
}

export function buildRecord(visit: VisitOfRecord, stored: StoredRecord): VisitRecord {
  const documents = recordDocuments(visit, stored);
  const milestones =
    visit.serviceType === 'escort'
      ? ESCORT_MILESTONES.map((key) => {
          const done = stored.milestones.find((m) => m.milestone === key);
          return { key, label: milestoneLabel(key, visit.pickUp), doneAt: done ? new Date(done.doneAt).toISOString() : null };
        })
      : [];
  const assessment = { required: assessmentRequired(visit.serviceType, visit.claimType), notes: stored.row?.notes ?? null };
  const { signatureFileId, signedAt } = stored.row ?? {};
  const signature = signatureFileId && signedAt ? { fileId: signatureFileId, url: fileUrl(signatureFileId), signedAt: new Date(signedAt).toISOString() } : null;
  const blockers = completionBlockers({
    serviceType: visit.serviceType,
    documents: documents.map((d) => ({ key: d.key, label: d.label, status: d.status, photoCount: d.photoIds.length })),
    assessment,
    milestones,
    signed: signature !== null,
  });
  return { documents, assessment, milestones, signature, handover: documents.filter((d) => d.originalTaken).map((d) => ({ label: d.label })), blockers };
}

export function toCustomerRecord(r: VisitRecord): CustomerRecord {
  return {
    documents: r.documents.map((d) => ({ label: d.label, status: d.status as DocumentStatus, originalTaken: d.originalTaken, photoCount: d.photoIds.length })),
    milestones: r.milestones,
    handover: r.handover,
    signedAt: r.signature?.signedAt ?? null,
  };
}

/** The records of these visits (5 queries, whatever the count). */
export async function recordsOf(q: Queryable, rows: readonly BookingRow[]): Promise<Map<string, VisitRecord>> {
  if (rows.length === 0) return new Map();
  const ids = rows.map((r) => r.id);
  const details = await detailsOf(q, rows.filter((r) => r.serviceType === 'escort').map((r) => r.id));
  const documents = await documentsOf(q, ids);
  const milestones = await milestonesOf(q, ids);
  const recordRows = await recordRowsOf(q, ids);
  const photos = await listForMany(q, ids, 'staff');
  return new Map(
    rows.map((b) => {
      const stored: StoredRecord = {
        documents: documents.filter((d) => d.bookingId === b.id),
        milestones: milestones.filter((m) => m.bookingId === b.id),
        row: recordRows.find((r) => r.bookingId === b.id),
        photos: photos.filter((p) => p.bookingId === b.id),
      };
      return [b.id, buildRecord({ ...b, pickUp: details.get(b.id)?.escort?.pickUp ?? true }, stored)];
    }),
  );
}

export async function recordOf(q: Queryable, row: BookingRow): Promise<VisitRecord> {
  return (await recordsOf(q, [row])).get(row.id) as VisitRecord;
}
