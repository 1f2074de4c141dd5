/**
 * The field staff's part of the API client: the task board, one task's detail and record, the
 * actions of the day, the location shared while travelling, availability, and joining through
 * a dispatcher's invitation. Every write that the offline queue may replay carries an
 * Idempotency-Key, so the server applies it once however often it arrives.
 */
import type { SessionResponse } from '@domain/schemas';
import type { BookingFile } from '@domain/schemas-booking';
import type { Location, StaffActionBody, StaffLeaveBody } from '@domain/schemas-lifecycle';
import type {
  AssessmentBody,
  DocumentBody,
  MilestoneBody,
  ServiceArea,
  StaffAvailability,
  StaffInviteAcceptBody,
  StaffInvitePreview,
  StaffTaskBoard,
  StaffTaskCard,
  StaffTaskDetail,
  VisitRecord,
  WorkingHoursBody,
} from '@domain/schemas-staff';
import type { EscortMilestone } from '@domain/visit-record';
import type { Call } from './client';

/** The URL word of each staff action (server/modules/staff/routes.ts). */
import type { StaffActionName } from '@domain/lifecycle';

export type { StaffActionName };

export interface StaffApi {
  staffBoard(): Promise<StaffTaskBoard>;
  staffTask(id: string): Promise<StaffTaskDetail>;
  /** Decline answers null: the visit is someone else's now. */
  staffAction(id: string, action: StaffActionName, body: StaffActionBody, idempotencyKey: string): Promise<StaffTaskCard | null>;
  setDocument(id: string, key: string, body: DocumentBody, idempotencyKey: string): Promise<VisitRecord>;
  setMilestone(id: string, key: EscortMilestone, body: MilestoneBody, idempotencyKey: string): Promise<VisitRecord>;
  saveAssessment(id: string, body: AssessmentBody, idempotencyKey: string): Promise<VisitRecord>;
  uploadStaffPhoto(id: string, itemKey: string, bytes: ArrayBuffer, contentType: string, idempotencyKey: string): Promise<BookingFile>;
  uploadSignature(id: string, png: ArrayBuffer, idempotencyKey: string): Promise<VisitRecord>;
  shareLocation(id: string, location: Location): Promise<void>;
  availability(): Promise<StaffAvailability>;
  saveWorkingHours(body: WorkingHoursBody): Promise<StaffAvailability>;
  saveArea(body: ServiceArea): Promise<StaffAvailability>;
  addLeave(body: StaffLeaveBody): Promise<StaffAvailability>;
  cancelLeave(leaveId: string): Promise<StaffAvailability>;
  previewStaffInvite(token: string): Promise<StaffInvitePreview>;
  acceptStaffInvite(body: StaffInviteAcceptBody): Promise<SessionResponse>;
}

export function staffApi(call: Call): StaffApi {
  const task = (id: string) => `/api/staff/tasks/${encodeURIComponent(id)}`;
  const key = (k: string) => ({ 'Idempotency-Key': k });
  return {
    staffBoard: () => call('GET', '/api/staff/tasks'),
    staffTask: (id) => call('GET', task(id)),
    staffAction: async (id, action, body, k) => (await call<StaffTaskCard | undefined>('POST', `${task(id)}/${action}`, body, key(k))) ?? null,
    setDocument: (id, docKey, body, k) => call('PUT', `${task(id)}/record/documents/${encodeURIComponent(docKey)}`, body, key(k)),
    setMilestone: (id, m, body, k) => call('PUT', `${task(id)}/record/milestones/${encodeURIComponent(m)}`, body, key(k)),
    saveAssessment: (id, body, k) => call('PUT', `${task(id)}/record/assessment`, body, key(k)),
    uploadStaffPhoto: (id, itemKey, bytes, contentType, k) =>
      call('POST', `${task(id)}/files?item=${encodeURIComponent(itemKey)}`, bytes, { 'Content-Type': contentType, ...key(k) }),
    uploadSignature: (id, png, k) => call('POST', `${task(id)}/signature`, png, { 'Content-Type': 'image/png', ...key(k) }),
    shareLocation: (id, location) => call('POST', `${task(id)}/location`, location),
    availability: () => call('GET', '/api/staff/me/availability'),
    saveWorkingHours: (body) => call('PUT', '/api/staff/me/working-hours', body),
    saveArea: (body) => call('PUT', '/api/staff/me/area', body),
    addLeave: (body) => call('POST', '/api/staff/me/leave', body),
    cancelLeave: (leaveId) => call('DELETE', `/api/staff/me/leave/${encodeURIComponent(leaveId)}`),
    previewStaffInvite: (token) => call('POST', '/api/auth/staff-invitations/preview', { token }),
    acceptStaffInvite: (body) => call('POST', '/api/auth/staff-invitations/accept', body),
  };
}
