/** What the roster and the staff member's own availability show of a profile. */
import type { RosterEntry, WeeklyHours } from '@domain';
import { toStaffCard } from '../bookings/views';
import { isUnderWay, leaveView } from '../dispatch/leave';
import type { LeaveRow } from '../dispatch/leave-repository';
import { areaOf } from './area';
import type { DayLoadRow, StaffProfileRow } from './repository';

type WeeklyHoursView = RosterEntry['workingHours'];

/** Only the weekdays that have hours, in weekday order. */
export function hoursView(hours: WeeklyHours): WeeklyHoursView {
  return Object.fromEntries(
    Object.entries(hours)
      .filter(([, ranges]) => ranges && ranges.length > 0)
      .sort(([a], [b]) => a.localeCompare(b)),
  ) as WeeklyHoursView;
}

const NO_LOAD = { visits: 0, completed: 0, bookedMinutes: 0 };

/** `leave`: the person's leave that has not ended yet, soonest first. */
export function toRosterEntry(p: StaffProfileRow, load: DayLoadRow | undefined, leave: readonly LeaveRow[], now: Date): RosterEntry {
  return {
    staff: toStaffCard({ id: p.id, name: p.name, gender: p.gender, staffNo: p.staffNo, photoPath: p.photoPath, dialects: p.dialects, rating: p.rating }),
    gender: p.gender,
    phone: p.phone,
    skills: p.skills,
    certificates: p.certificates,
    area: areaOf(p),
    workingHours: hoursView(p.workingHours),
    dailyCap: p.dailyCap,
    active: p.active,
    joined: p.joinedAt !== null,
    load: load ? { visits: load.visits, completed: load.completed, bookedMinutes: load.bookedMinutes } : NO_LOAD,
    onLeaveNow: leave.some((l) => isUnderWay(l, now)),
    leave: leave.map((l) => leaveView(l, now, 'desk')),
  };
}
