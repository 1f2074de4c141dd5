/**
 * Sending one outbox entry, and deciding what a failure means: keep it and try again later (no
 * answer, the server busy or broken, the session gone), or drop it (the server refused it: sending
 * it again would be refused again).
 */
import type { BookingFile } from '@domain/schemas-booking';
import type { StaffTaskCard, VisitRecord } from '@domain/schemas-staff';
import { ApiError, messageOf } from '@/api/api-error';
import type { StaffApi } from '@/api/staff-api';
import type { OutboxEntry } from './staff-outbox-entry';
import { base64ToBytes } from './staff-bytes';

export type SendResult =
  | { kind: 'action'; task: StaffTaskCard | null }
  | { kind: 'record'; record: VisitRecord }
  | { kind: 'file'; file: BookingFile };

/** Why the server refused a write, for the task page. */
export interface Refusal {
  /** What was refused ("到达"). */
  label: string;
  /** The server's Chinese message. */
  message: string;
  code: string;
  /** For a wrong door code, when the server says how many tries remain. */
  attemptsLeft: number | null;
}

export type Failure = { kind: 'retry' } | { kind: 'signedOut' } | { kind: 'refused'; refusal: Refusal };

/** Sends one entry; `version` is what an action carries (resolved by the outbox). */
export async function sendEntry(api: StaffApi, entry: OutboxEntry, version: number): Promise<SendResult> {
  const { taskId: id, key, write: w } = entry;
  switch (w.kind) {
    case 'action': {
      const body = { version, reason: w.reason, doorCode: w.doorCode, location: w.location };
      (Object.keys(body) as Array<keyof typeof body>).forEach((k) => body[k] === undefined && delete body[k]);
      return { kind: 'action', task: await api.staffAction(id, w.action, body, key) };
    }
    case 'document':
      return { kind: 'record', record: await api.setDocument(id, w.key, { status: w.status, originalTaken: w.originalTaken }, key) };
    case 'milestone':
      return { kind: 'record', record: await api.setMilestone(id, w.key, { done: w.done, at: w.at }, key) };
    case 'assessment':
      return { kind: 'record', record: await api.saveAssessment(id, { notes: w.notes }, key) };
    case 'photo':
      return { kind: 'file', file: await api.uploadStaffPhoto(id, w.itemKey, base64ToBytes(w.base64), w.contentType, key) };
    case 'signature':
      return { kind: 'record', record: await api.uploadSignature(id, base64ToBytes(w.base64), key) };
  }
}

/** Statuses worth trying again: the request timed out, too many at once, or the server failed. */
const RETRY_STATUSES = [408, 425, 429];

export function classifyFailure(err: unknown, label: string): Failure {
  if (!(err instanceof ApiError)) return { kind: 'retry' };
  if (err.isNetwork || err.status >= 500 || RETRY_STATUSES.includes(err.status)) return { kind: 'retry' };
  if (err.isUnauthenticated) return { kind: 'signedOut' };
  const left = err.details.attemptsLeft;
  return {
    kind: 'refused',
    refusal: { label, message: messageOf(err), code: err.code, attemptsLeft: typeof left === 'number' ? left : null },
  };
}
