/**
 * The record of the day as the staff member fills it in on the task page: each document's state
 * and photos, the escort's milestones, the assessment notes, the customer's signature. Every tap
 * goes into the outbox (so it works without signal) and shows at once through the task store.
 */
import { makeAutoObservable, runInAction } from 'mobx';
import { milestoneLabel, type DocumentStatus, type EscortMilestone } from '@domain/visit-record';
import { bytesToBase64 } from './staff-bytes';
import { ASSESSMENT_LABEL, documentWriteLabel, photoLabel, SIGNATURE_LABEL } from './staff-labels';
import type { StaffOutbox } from './staff-outbox';
import type { TakenPhoto } from './staff-ports';
import type { StaffTaskStore } from './staff-task-store';

export interface RecordWritesDeps {
  task: StaffTaskStore;
  outbox: StaffOutbox;
  /** Opens the camera; null when the person cancelled. Absent: photos are not offered. */
  takePhoto?: () => Promise<TakenPhoto | null>;
  now?: () => Date;
}

export class StaffRecordWrites {
  /** The camera is open for a document. */
  takingPhoto = false;
  /** What was typed cannot be saved (empty notes). */
  error: string | null = null;

  constructor(private readonly deps: RecordWritesDeps) {
    makeAutoObservable<StaffRecordWrites, 'deps'>(this, { deps: false }, { autoBind: true });
  }

  get canTakePhotos(): boolean {
    return !!this.deps.takePhoto;
  }

  private documentOf(key: string) {
    return this.deps.task.record?.record.documents.find((d) => d.key === key) ?? null;
  }

  /** 已收 / 客户暂时没有, and whether the original is taken away (only a collected one can be). */
  setDocument(key: string, status: DocumentStatus, originalTaken: boolean): void {
    const doc = this.documentOf(key);
    const id = this.deps.task.id;
    if (!doc || !id) return;
    const taken = status === 'collected' && originalTaken;
    this.deps.outbox.enqueue(id, documentWriteLabel(doc.label, status, taken), { kind: 'document', key, status, originalTaken: taken });
  }

  /** One escort step done, at the time it was tapped (sent later when offline). */
  setMilestone(key: EscortMilestone): void {
    const { id, task } = this.deps.task;
    if (!id || !task) return;
    const at = (this.deps.now?.() ?? new Date()).toISOString();
    this.deps.outbox.enqueue(id, milestoneLabel(key, task.escort?.pickUp ?? true), { kind: 'milestone', key, done: true, at });
  }

  saveAssessment(notes: string): boolean {
    const id = this.deps.task.id;
    const text = notes.trim();
    if (!id) return false;
    if (!text) {
      this.error = '请先写下伤残鉴定记录，再保存。';
      return false;
    }
    this.error = null;
    this.deps.outbox.enqueue(id, ASSESSMENT_LABEL, { kind: 'assessment', notes: text.slice(0, 1000) });
    return true;
  }

  /** 拍照 for a document: the photo goes into the outbox and counts at once. */
  async addPhoto(itemKey: string): Promise<void> {
    const doc = this.documentOf(itemKey);
    const id = this.deps.task.id;
    if (!doc || !id || !this.deps.takePhoto || this.takingPhoto) return;
    this.takingPhoto = true;
    const photo = await this.deps.takePhoto().catch(() => null);
    runInAction(() => {
      this.takingPhoto = false;
      if (!photo || id !== this.deps.task.id) return;
      const write = { kind: 'photo' as const, itemKey, contentType: photo.contentType, base64: bytesToBase64(photo.bytes), localPath: photo.localPath };
      this.deps.outbox.enqueue(id, photoLabel(doc.label), write);
    });
  }

  /** The customer's signature drawn on screen, as PNG. */
  sign(png: ArrayBuffer, localPath: string): void {
    const id = this.deps.task.id;
    if (id) this.deps.outbox.enqueue(id, SIGNATURE_LABEL, { kind: 'signature', base64: bytesToBase64(png), localPath });
  }

  reset(): void {
    this.takingPhoto = false;
    this.error = null;
  }
}
