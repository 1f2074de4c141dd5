/** The dispatch console's part of the API client (dispatcher role only, H5 at a desk). */
import type { CreateStaffBody, CreateStaffResult, DoorCodeUnlockBody, RosterEntry, ServiceLevels, StaffInvitation, StaffProfileBody } from '@domain/schemas-dispatch';
import type {
  DispatchBooking,
  DispatchCandidate,
  DispatchQueue,
  DispatchReasonBody,
  ReassignBody,
  RematchResult,
  StaffLeaveBody,
  StaffLeaveResult,
} from '@domain/schemas-lifecycle';
import type { Call } from './client';

export interface DispatchApi {
  dispatchQueue(): Promise<DispatchQueue>;
  dispatchBooking(id: string): Promise<DispatchBooking>;
  dispatchCandidates(id: string): Promise<DispatchCandidate[]>;
  reassign(id: string, body: ReassignBody): Promise<DispatchBooking>;
  dispatchCancel(id: string, body: DispatchReasonBody): Promise<DispatchBooking>;
  recordStaffNoShow(id: string, body: DispatchReasonBody): Promise<DispatchBooking>;
  unlockDoorCode(id: string, body: DoorCodeUnlockBody): Promise<DispatchBooking>;
  rematchBacklog(): Promise<RematchResult>;
  /** `date`: a day in China time (YYYY-MM-DD); today when absent. */
  roster(date?: string): Promise<RosterEntry[]>;
  createStaff(body: CreateStaffBody): Promise<CreateStaffResult>;
  reissueStaffInvitation(staffId: string): Promise<StaffInvitation>;
  updateStaffProfile(staffId: string, body: StaffProfileBody): Promise<RosterEntry>;
  recordLeave(staffId: string, body: StaffLeaveBody): Promise<StaffLeaveResult>;
  cancelStaffLeave(staffId: string, leaveId: string): Promise<void>;
  serviceLevels(date?: string): Promise<ServiceLevels>;
}

export function dispatchApi(call: Call): DispatchApi {
  const booking = (id: string) => `/api/dispatch/bookings/${encodeURIComponent(id)}`;
  const staff = (id: string) => `/api/dispatch/staff/${encodeURIComponent(id)}`;
  const day = (date?: string) => (date ? `?date=${encodeURIComponent(date)}` : '');
  return {
    dispatchQueue: () => call('GET', '/api/dispatch/queue'),
    dispatchBooking: (id) => call('GET', booking(id)),
    dispatchCandidates: (id) => call('GET', `${booking(id)}/candidates`),
    reassign: (id, body) => call('POST', `${booking(id)}/reassign`, body),
    dispatchCancel: (id, body) => call('POST', `${booking(id)}/cancel`, body),
    recordStaffNoShow: (id, body) => call('POST', `${booking(id)}/staff-no-show`, body),
    unlockDoorCode: (id, body) => call('POST', `${booking(id)}/door-code-unlock`, body),
    rematchBacklog: () => call('POST', '/api/dispatch/rematch-unmatched', {}),
    roster: (date) => call('GET', `/api/dispatch/staff${day(date)}`),
    createStaff: (body) => call('POST', '/api/dispatch/staff', body),
    reissueStaffInvitation: (id) => call('POST', `${staff(id)}/invitation`, {}),
    updateStaffProfile: (id, body) => call('PUT', `${staff(id)}/profile`, body),
    recordLeave: (id, body) => call('POST', `${staff(id)}/leave`, body),
    cancelStaffLeave: (id, leaveId) => call('DELETE', `${staff(id)}/leave/${encodeURIComponent(leaveId)}`),
    serviceLevels: (date) => call('GET', `/api/dispatch/service-levels${day(date)}`),
  };
}
