/**
 * A staff member's own availability: weekly hours, leave, service area; and, to read only, what
 * the dispatcher set (skills, certificates, dialects, daily cap). Hours and area apply to new
 * matching: visits already offered or confirmed stay. Leave matches the visits it touches again,
 * together, exactly as leave recorded at the desk does (dispatch/leave.ts).
 */
import {
  DomainError,
  type Clock,
  type ServiceArea,
  type StaffAvailability,
  type StaffLeaveBody,
  type WorkingHoursBody,
} from '@domain';
import type { LifecycleConfig } from '../../config';
import { transactionWithRetry, type Db, type Queryable } from '../../db';
import type { AuthUser } from '../../types';
import { chinaDay } from '../dispatch/day';
import { canWithdraw, checkLeaveRange, leaveView, recordLeaveAndRematch } from '../dispatch/leave';
import { deleteLeave, findLeaveForUpdate, leaveFrom } from '../dispatch/leave-repository';
import * as profiles from '../staff-admin/repository';
import { areaOf, movedArea, placeArea } from '../staff-admin/area';
import { hoursView } from '../staff-admin/views';
import { normaliseWorkingHours } from './working-hours';

export class AvailabilityService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly lifecycle: LifecycleConfig,
  ) {}

  async get(staff: AuthUser): Promise<StaffAvailability> {
    return this.db.transaction((tx) => this.view(tx, staff.id));
  }

  async saveWorkingHours(staff: AuthUser, body: WorkingHoursBody): Promise<StaffAvailability> {
    const hours = normaliseWorkingHours(body.workingHours);
    return this.db.transaction(async (tx) => {
      await this.lockedProfile(tx, staff.id);
      await profiles.updateWorkingHours(tx, staff.id, hours);
      return this.view(tx, staff.id);
    });
  }

  /** A new district moves their base to its centre; the same district keeps the base they had. */
  async saveArea(staff: AuthUser, area: ServiceArea): Promise<StaffAvailability> {
    placeArea(area); // an unknown district is refused before anything is read
    return this.db.transaction(async (tx) => {
      const profile = await this.lockedProfile(tx, staff.id);
      await profiles.updateArea(tx, staff.id, movedArea(profile, area));
      return this.view(tx, staff.id);
    });
  }

  /** Their own leave; the rematch events name the system, acting on it (staff cannot rematch by hand). */
  async addLeave(staff: AuthUser, body: StaffLeaveBody): Promise<StaffAvailability> {
    checkLeaveRange(body);
    return transactionWithRetry(this.db, async (tx) => {
      await this.lockedProfile(tx, staff.id);
      const now = this.clock.now();
      await recordLeaveAndRematch(tx, {
        staffId: staff.id, body, recordedBy: staff.id, actor: { role: 'system', id: staff.id }, now, offerTtlMinutes: this.lifecycle.offerTtlMinutes,
      });
      return this.view(tx, staff.id);
    });
  }

  /** Only their own leave that has not started; the dispatcher's and started leave: 409 LEAVE_NOT_CANCELLABLE. */
  async cancelLeave(staff: AuthUser, leaveId: string): Promise<StaffAvailability> {
    return this.db.transaction(async (tx) => {
      const leave = await findLeaveForUpdate(tx, staff.id, leaveId);
      if (!leave) throw new DomainError('NOT_FOUND');
      if (leave.createdBy !== staff.id) throw new DomainError('LEAVE_NOT_CANCELLABLE', { recordedBy: 'dispatcher' });
      if (!canWithdraw(leave, this.clock.now())) throw new DomainError('LEAVE_NOT_CANCELLABLE', { started: true });
      await deleteLeave(tx, leave.id);
      return this.view(tx, staff.id);
    });
  }

  private async lockedProfile(tx: Queryable, staffId: string): Promise<profiles.StaffProfileRow> {
    const profile = await profiles.findProfile(tx, staffId, { lock: true });
    if (!profile) throw new DomainError('NOT_FOUND');
    return profile;
  }

  private async view(tx: Queryable, staffId: string): Promise<StaffAvailability> {
    const profile = await profiles.findProfile(tx, staffId);
    if (!profile) throw new DomainError('NOT_FOUND');
    const now = this.clock.now();
    const leave = await leaveFrom(tx, chinaDay(undefined, now).from, staffId);
    return {
      workingHours: hoursView(profile.workingHours),
      leave: leave.map((l) => leaveView(l, now, 'staff')),
      area: areaOf(profile),
      skills: profile.skills,
      certificates: profile.certificates,
      dialects: profile.dialects,
      dailyCap: profile.dailyCap,
    };
  }
}
