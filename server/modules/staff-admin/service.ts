/**
 * Staff accounts at the dispatch desk: the roster with the day's load, creating a person with an
 * invitation bound to their staff number, a fresh invitation, and what only a dispatcher sets
 * (skills, certificates, dialects, area, daily cap, whether they are offered work).
 */
import {
  DomainError,
  type Clock,
  type CreateStaffBody,
  type CreateStaffResult,
  type RosterEntry,
  type StaffInvitation,
  type StaffProfileBody,
  type WeeklyHours,
} from '@domain';
import { transactionWithRetry, type Db, type Queryable } from '../../db';
import type { AuthUser } from '../../types';
import { chinaDay } from '../dispatch/day';
import { leaveFrom } from '../dispatch/leave-repository';
import { issueStaffInvitation } from './invitations';
import * as repo from './repository';
import { movedArea, placeArea } from './area';
import { toRosterEntry } from './views';

/** A new person works weekdays 09:00–18:00 until they or a dispatcher change it. */
export const DEFAULT_WORKING_HOURS: WeeklyHours = Object.fromEntries(
  ['1', '2', '3', '4', '5'].map((d) => [d, [['09:00', '18:00']]]),
) as WeeklyHours;

export class StaffAdminService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Everyone, by staff number, with their load on that China day (today when absent). */
  async roster(date?: string): Promise<RosterEntry[]> {
    const now = this.clock.now();
    const day = chinaDay(date, now);
    return this.db.transaction(async (tx) => {
      const profiles = await repo.listProfiles(tx);
      const load = await repo.dayLoad(tx, day.from, day.to);
      const leave = await leaveFrom(tx, now);
      return profiles.map((p) => toRosterEntry(p, load.get(p.id), leave.filter((l) => l.staffId === p.id), now));
    });
  }

  async create(actor: AuthUser, body: CreateStaffBody): Promise<CreateStaffResult> {
    const area = placeArea(body.area);
    return transactionWithRetry(this.db, async (tx) => {
      // A race on the same number ends in the unique index: the retry then finds it taken here.
      if (await repo.staffNoTaken(tx, body.staffNo)) throw new DomainError('STAFF_NO_TAKEN');
      const now = this.clock.now();
      const staffId = await repo.insertStaff(tx, {
        name: body.name.trim(),
        staffNo: body.staffNo,
        gender: body.gender,
        phone: body.phone,
        skills: body.skills,
        certificates: body.certificates,
        dialects: body.dialects,
        district: area.district,
        base: area.base,
        radiusKm: area.radiusKm,
        workingHours: DEFAULT_WORKING_HOURS,
        dailyCap: body.dailyCap,
        at: now,
      });
      const invitation = await issueStaffInvitation(tx, staffId, actor.id, now);
      return { staff: await this.entry(tx, staffId, now), invitation };
    });
  }

  async reissueInvitation(actor: AuthUser, staffId: string): Promise<StaffInvitation> {
    return this.db.transaction(async (tx) => {
      if (!(await repo.findProfile(tx, staffId, { lock: true }))) throw new DomainError('NOT_FOUND');
      return issueStaffInvitation(tx, staffId, actor.id, this.clock.now());
    });
  }

  /**
   * What the dispatcher sets. Before the person joined, `active` stays false: nobody is offered
   * work they cannot see. The area moves as movedArea says.
   * Visits already offered or confirmed stay; the change applies to new matching.
   */
  async updateProfile(staffId: string, body: StaffProfileBody): Promise<RosterEntry> {
    placeArea(body.area);
    return this.db.transaction(async (tx) => {
      const profile = await repo.findProfile(tx, staffId, { lock: true });
      if (!profile) throw new DomainError('NOT_FOUND');
      const active = body.active && profile.joinedAt !== null;
      await repo.updateProfile(tx, staffId, { skills: body.skills, certificates: body.certificates, dialects: body.dialects, dailyCap: body.dailyCap, active });
      await repo.updateArea(tx, staffId, movedArea(profile, body.area));
      return this.entry(tx, staffId, this.clock.now());
    });
  }

  private async entry(tx: Queryable, staffId: string, now: Date): Promise<RosterEntry> {
    const profile = await repo.findProfile(tx, staffId);
    if (!profile) throw new DomainError('NOT_FOUND');
    const day = chinaDay(undefined, now);
    const load = await repo.dayLoad(tx, day.from, day.to, staffId);
    return toRosterEntry(profile, load.get(staffId), await leaveFrom(tx, now, staffId), now);
  }
}
