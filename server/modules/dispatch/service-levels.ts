/**
 * The service levels of a China day, for the dispatch console: bookings created that day matched
 * (first offer) within the target, arrivals that day on time (by the window's start + grace),
 * no-shows, and every complaint not answered yet with the deadline that applies next.
 */
import type { Clock, ServiceLevels } from '@domain';
import type { ServiceLevelConfig } from '../../config';
import type { Db } from '../../db';
import { openComplaints, type ComplaintRow } from '../feedback/repository';
import { chinaDay } from './day';
import { arrivalCounts, matchingCounts, noShowCounts } from './service-levels-repository';

type OpenComplaint = ServiceLevels['openComplaints'][number];

/** Not taken up yet: the internal deadline applies; taken up: the answer to the customer. */
function nextDeadline(c: ComplaintRow): Date {
  return new Date(c.status === 'received' ? c.internalDeadline : c.answerDeadline);
}

function toOpenComplaint(c: ComplaintRow, now: Date): OpenComplaint {
  return {
    id: c.id,
    bookingId: c.bookingId,
    category: c.category,
    urgent: c.urgent,
    status: c.status,
    internalDeadline: new Date(c.internalDeadline).toISOString(),
    answerDeadline: new Date(c.answerDeadline).toISOString(),
    overdue: nextDeadline(c).getTime() < now.getTime(),
  };
}

export class ServiceLevelService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly targets: ServiceLevelConfig,
  ) {}

  async day(date?: string): Promise<ServiceLevels> {
    const now = this.clock.now();
    const day = chinaDay(date, now);
    const { matchTargetMinutes: targetMinutes, arrivalGraceMinutes: graceMinutes } = this.targets;
    return this.db.transaction(async (tx) => {
      const matching = await matchingCounts(tx, day.from, day.to, targetMinutes);
      const arrival = await arrivalCounts(tx, day.from, day.to, graceMinutes);
      const noShows = await noShowCounts(tx, day.from, day.to);
      const complaints = (await openComplaints(tx)).sort((a, b) => nextDeadline(a).getTime() - nextDeadline(b).getTime());
      return {
        date: day.date,
        matching: { targetMinutes, ...matching },
        arrival: { ...arrival, late: arrival.arrived - arrival.onTime, graceMinutes },
        noShows,
        openComplaints: complaints.map((c) => toOpenComplaint(c, now)),
      };
    });
  }
}
