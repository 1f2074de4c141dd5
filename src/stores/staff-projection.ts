/**
 * What the staff member sees while writes still wait in the outbox: the server's task and record
 * with those writes applied, so they can go on working offline (after 开始服务 the checklist is
 * there). Status changes come from the domain's state machine (the same `allowedActions` the
 * server answers with), never from rules of our own; what still blocks 完成 from the domain's
 * `completionBlockers`. The server's answer replaces all of it as soon as the writes get through.
 */
import { allowedActions, STAFF_ACTIONS, transition } from '@domain/lifecycle';
import { STATUS_LABELS } from '@domain/timeline';
import { completionBlockers, type DocumentStatus, type RecordState } from '@domain/visit-record';
import type { StaffTaskCard, StaffTaskDetail, VisitRecord } from '@domain/schemas-staff';
import type { OutboxEntry } from './staff-outbox-entry';
import type { SendResult } from './staff-outbox-send';

/** The state-machine action behind each URL word. */
export const ACTION_OF = STAFF_ACTIONS;

/** The task as it will be once its waiting actions are through (an action the machine refuses is left out). */
export function projectTask(task: StaffTaskCard, pending: OutboxEntry[]): StaffTaskCard {
  let t = task;
  for (const e of pending) {
    if (e.write.kind !== 'action') continue;
    try {
      const { to } = transition({ from: t.status, action: ACTION_OF[e.write.action], role: 'staff', reason: e.write.reason ?? null });
      t = { ...t, status: to, statusLabel: STATUS_LABELS[to], allowedActions: allowedActions(to, 'staff') };
    } catch {
      // The server will refuse it too, and say why.
    }
  }
  return t;
}

/** A photo still on the phone: shown from its local path, counted on its document. */
export interface WaitingPhoto {
  key: string;
  itemKey: string;
  localPath: string;
}

export interface ProjectedRecord {
  record: VisitRecord;
  waitingPhotos: WaitingPhoto[];
  /** The signature drawn but not yet sent (its local image). */
  waitingSignature: string | null;
}

function applyWrite(r: VisitRecord, e: OutboxEntry): VisitRecord {
  const w = e.write;
  switch (w.kind) {
    case 'document':
      return { ...r, documents: r.documents.map((d) => (d.key === w.key ? { ...d, status: w.status, originalTaken: w.originalTaken } : d)) };
    case 'milestone':
      return { ...r, milestones: r.milestones.map((m) => (m.key === w.key ? { ...m, doneAt: w.done ? w.at : null } : m)) };
    case 'assessment':
      return { ...r, assessment: { ...r.assessment, notes: w.notes } };
    case 'photo':
      return { ...r, documents: r.documents.map((d) => (d.key === w.itemKey ? { ...d, photoIds: [...d.photoIds, `local-${e.key}`] } : d)) };
    case 'signature':
      return { ...r, signature: { fileId: `local-${e.key}`, url: w.localPath, signedAt: e.at } };
    default:
      return r;
  }
}

export function recordState(task: Pick<StaffTaskCard, 'serviceType'>, r: VisitRecord): RecordState {
  return {
    serviceType: task.serviceType,
    // The schema types a document's status as a string; the server only ever sends DOCUMENT_STATUSES.
    documents: r.documents.map((d) => ({ key: d.key, label: d.label, status: d.status as DocumentStatus, photoCount: d.photoIds.length })),
    assessment: r.assessment,
    milestones: r.milestones.map((m) => ({ key: m.key, doneAt: m.doneAt })),
    signed: r.signature !== null,
  };
}

/** The record with the waiting writes applied; handover and blockers follow from it. */
export function projectRecord(task: StaffTaskCard, record: VisitRecord, pending: OutboxEntry[], stale = false): ProjectedRecord {
  const writes = pending.filter((e) => e.write.kind !== 'action');
  const waitingPhotos: WaitingPhoto[] = [];
  let waitingSignature: string | null = null;
  let r = record;
  for (const e of writes) {
    r = applyWrite(r, e);
    if (e.write.kind === 'photo') waitingPhotos.push({ key: e.key, itemKey: e.write.itemKey, localPath: e.write.localPath });
    if (e.write.kind === 'signature') waitingSignature = e.write.localPath;
  }
  if (writes.length || stale) {
    r = {
      ...r,
      handover: r.documents.filter((d) => d.originalTaken).map((d) => ({ label: d.label })),
      blockers: completionBlockers(recordState(task, r)),
    };
  }
  return { record: r, waitingPhotos, waitingSignature };
}

/**
 * The server's answer to one write, put into the detail we hold. `stale`: the answer (a photo)
 * does not carry the record's blockers; `reload`: only the server can say what the task is now.
 */
export function patchDetail(detail: StaffTaskDetail, sent: SendResult): { detail: StaffTaskDetail; stale: boolean; reload: boolean } {
  switch (sent.kind) {
    case 'action':
      return sent.task ? { detail: { ...detail, task: sent.task }, stale: false, reload: false } : { detail, stale: false, reload: true };
    case 'record':
      return { detail: { ...detail, record: sent.record }, stale: false, reload: false };
    case 'file': {
      const file = sent.file;
      const documents = detail.record.documents.map((d) => (d.key === file.itemKey ? { ...d, photoIds: [...d.photoIds, file.id] } : d));
      return { detail: { ...detail, files: [...detail.files, file], record: { ...detail.record, documents } }, stale: true, reload: false };
    }
  }
}
