/**
 * An in-memory dispatch API for the console's store tests: bookings with versions, candidates,
 * a roster with leave, staff accounts and invitations, the day's service levels. It records every
 * call and lets a test make the next call of a method fail (network or a server error code).
 */
import type { BookingView, StaffCard } from '@domain/schemas';
import type { CreateStaffBody, CreateStaffResult, DoorCodeUnlockBody, RosterEntry, ServiceLevels, StaffInvitation, StaffProfileBody } from '@domain/schemas-dispatch';
import type { DispatchBooking, DispatchCandidate, DispatchReasonBody, ReassignBody, StaffLeaveBody } from '@domain/schemas-lifecycle';
import type { ApiError } from '@/api/api-error';
import type { DispatchApi } from '@/api/dispatch-api';
import { booking, serverError } from './fake-api';

type Method = keyof DispatchApi;

export function staffCard(n: number, over: Partial<StaffCard> = {}): StaffCard {
  return {
    id: `55555555-5555-4555-8555-${String(n).padStart(12, '0')}`,
    name: ['王建国', '李秀梅', '陈志强'][n % 3],
    title: ['王师傅', '李老师', '陈师傅'][n % 3],
    staffNo: `AX${1000 + n}`,
    photoUrl: `/media/staff-photos/${n}.svg`,
    dialects: ['上海话', '普通话'],
    rating: 4.8,
    ...over,
  };
}

export function dispatchBooking(over: Partial<BookingView> = {}, district = '徐汇区', offerExpiresAt: string | null = null, doorCodeLocked = false): DispatchBooking {
  return { booking: booking({ status: 'unmatched', statusLabel: '暂时没有安排到人', allowedActions: ['reassign', 'rematch', 'cancel'], ...over }), district, offerExpiresAt, doorCodeLocked };
}

export function rosterEntry(n: number, over: Partial<RosterEntry> = {}): RosterEntry {
  return {
    staff: staffCard(n),
    gender: 'male',
    phone: '13800000000',
    skills: ['claim'],
    certificates: [],
    area: { district: '徐汇区', radiusKm: 8 },
    workingHours: { '1': [['08:30', '17:30']] },
    dailyCap: 5,
    active: true,
    joined: true,
    load: { visits: 2, completed: 1, bookedMinutes: 150 },
    onLeaveNow: false,
    ...over,
  };
}

export const LEVELS: ServiceLevels = {
  date: '2025-03-01',
  matching: { targetMinutes: 15, created: 10, matchedInTime: 8, matchedLate: 1, notMatched: 1 },
  arrival: { arrived: 6, onTime: 5, late: 1, graceMinutes: 30 },
  noShows: { customer: 1, staff: 0 },
  openComplaints: [],
};

export class FakeDispatchApi implements DispatchApi {
  calls: Array<{ method: Method; args: unknown[] }> = [];
  private failures = new Map<Method, ApiError[]>();
  bookings: DispatchBooking[] = [dispatchBooking()];
  expiring: DispatchBooking[] = [];
  candidates: DispatchCandidate[] = [
    { staff: staffCard(1), distanceKm: 2.4, cost: 12.5, reasons: ['会说上海话', '距客户 2.4 公里'] },
    { staff: staffCard(2), distanceKm: 5.1, cost: 20.1, reasons: ['距客户 5.1 公里'] },
  ];
  roster_: RosterEntry[] = [rosterEntry(1), rosterEntry(2, { joined: false })];
  levels: ServiceLevels = structuredClone(LEVELS);
  leaves: Array<{ staffId: string; leaveId: string; body: StaffLeaveBody }> = [];
  /** What recording leave answers: how many visits moved. */
  leaveOutcome = { affected: 2, reassigned: 1, unmatched: 1 };

  failNext(method: Method, ...errors: ApiError[]): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...errors]);
  }

  callsOf(method: Method): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  private async answer<T>(method: Method, args: unknown[], value: () => T): Promise<T> {
    this.calls.push({ method, args });
    await Promise.resolve();
    const fail = this.failures.get(method)?.shift();
    if (fail) throw fail;
    return structuredClone(value());
  }

  private find(id: string): DispatchBooking {
    const b = [...this.bookings, ...this.expiring].find((x) => x.booking.id === id);
    if (!b) throw serverError('NOT_FOUND');
    return b;
  }

  /** Changes a booking as the server would: the version must match, then it goes up by one. */
  private change(id: string, version: number, to: (b: BookingView) => Partial<BookingView>): DispatchBooking {
    const d = this.find(id);
    if (d.booking.version !== version) throw serverError('VERSION_CONFLICT');
    d.booking = { ...d.booking, ...to(d.booking), version: d.booking.version + 1 };
    return d;
  }

  dispatchQueue() {
    return this.answer('dispatchQueue', [], () => ({ unmatched: this.bookings.filter((b) => b.booking.status === 'unmatched'), expiringOffers: this.expiring }));
  }
  dispatchBooking(id: string) {
    return this.answer('dispatchBooking', [id], () => this.find(id));
  }
  dispatchCandidates(id: string) {
    return this.answer('dispatchCandidates', [id], () => (this.find(id), this.candidates));
  }
  reassign(id: string, body: ReassignBody) {
    return this.answer('reassign', [id, body], () => {
      const chosen = this.candidates.find((c) => c.staff.id === body.staffId);
      if (!chosen) throw serverError('STAFF_NOT_AVAILABLE');
      return this.change(id, body.version, () => ({ status: 'offered', statusLabel: '等待服务人员确认', staff: chosen.staff, matchReasons: chosen.reasons, allowedActions: ['reassign', 'cancel'] }));
    });
  }
  dispatchCancel(id: string, body: DispatchReasonBody) {
    return this.answer('dispatchCancel', [id, body], () => this.change(id, body.version, () => ({ status: 'cancelled', statusLabel: '已取消', allowedActions: [] })));
  }
  recordStaffNoShow(id: string, body: DispatchReasonBody) {
    return this.answer('recordStaffNoShow', [id, body], () => this.change(id, body.version, () => ({ status: 'no_show_staff', statusLabel: '服务人员未到', allowedActions: [] })));
  }
  unlockDoorCode(id: string, body: DoorCodeUnlockBody) {
    // As the server does: the lock is lifted without a new version (the staff member's page stays current).
    return this.answer('unlockDoorCode', [id, body], () => {
      const d = this.find(id);
      if (d.booking.version !== body.version) throw serverError('VERSION_CONFLICT');
      d.doorCodeLocked = false;
      return d;
    });
  }
  rematchBacklog() {
    return this.answer('rematchBacklog', [], () => {
      const backlog = this.bookings.filter((b) => b.booking.status === 'unmatched');
      backlog.forEach((b) => (b.booking = { ...b.booking, status: 'offered', statusLabel: '等待服务人员确认', version: b.booking.version + 1 }));
      return { affected: backlog.length, reassigned: backlog.length, unmatched: 0 };
    });
  }
  roster(date?: string) {
    return this.answer('roster', [date], () => this.roster_);
  }
  private invitation(n: number): StaffInvitation {
    const token = `st${String(n).padStart(41, '0')}`;
    return { token, expiresAt: '2025-03-08T02:00:00.000Z', sharePath: `/staff/pages/join/index?token=${token}` };
  }
  createStaff(body: CreateStaffBody) {
    return this.answer('createStaff', [body], (): CreateStaffResult => {
      if (this.roster_.some((e) => e.staff.staffNo === body.staffNo)) throw serverError('STAFF_NO_TAKEN');
      const n = this.roster_.length + 1;
      const entry = rosterEntry(n, {
        staff: staffCard(n, { name: body.name, staffNo: body.staffNo, dialects: body.dialects }),
        gender: body.gender,
        skills: body.skills,
        certificates: body.certificates,
        area: body.area,
        dailyCap: body.dailyCap,
        joined: false,
        load: { visits: 0, completed: 0, bookedMinutes: 0 },
      });
      this.roster_.push(entry);
      return { staff: entry, invitation: this.invitation(n) };
    });
  }
  reissueStaffInvitation(staffId: string) {
    return this.answer('reissueStaffInvitation', [staffId], () => this.invitation(100 + this.callsOf('reissueStaffInvitation').length));
  }
  updateStaffProfile(staffId: string, body: StaffProfileBody) {
    return this.answer('updateStaffProfile', [staffId, body], () => {
      const e = this.roster_.find((x) => x.staff.id === staffId);
      if (!e) throw serverError('NOT_FOUND');
      Object.assign(e, { skills: body.skills, certificates: body.certificates, area: body.area, dailyCap: body.dailyCap, active: body.active });
      e.staff = { ...e.staff, dialects: body.dialects };
      return e;
    });
  }
  recordLeave(staffId: string, body: StaffLeaveBody) {
    return this.answer('recordLeave', [staffId, body], () => {
      if (Date.parse(body.to) <= Date.parse(body.from)) throw serverError('INVALID_TIME_RANGE');
      const leaveId = `66666666-6666-4666-8666-${String(this.leaves.length).padStart(12, '0')}`;
      this.leaves.push({ staffId, leaveId, body });
      return { leaveId, ...this.leaveOutcome };
    });
  }
  cancelStaffLeave(staffId: string, leaveId: string) {
    return this.answer('cancelStaffLeave', [staffId, leaveId], () => {
      const before = this.leaves.length;
      this.leaves = this.leaves.filter((l) => l.leaveId !== leaveId);
      if (this.leaves.length === before) throw serverError('NOT_FOUND');
    });
  }
  serviceLevels(date?: string) {
    return this.answer('serviceLevels', [date], () => this.levels);
  }
}
