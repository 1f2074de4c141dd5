/**
 * A staff member's work: only visits assigned to them (OWASP API1), with the customer's name
 * masked, the address shown while the visit is theirs and the phone only once they confirmed
 * (OWASP API3). The board, one task with its record, the actions of the day (each applied once
 * per Idempotency-Key) and the location shared while travelling.
 */
import {
  chinaDate,
  chinaInstant,
  DomainError,
  DOOR_CODE_MAX_FAILURES,
  holdsSlot,
  type Clock,
  type Location,
  type StaffActionBody,
  type StaffActionName,
  type StaffTaskBoard,
  type StaffTaskCard,
  type StaffTaskDetail,
} from '@domain';
import type { LifecycleConfig } from '../../config';
import { transactionWithRetry, type Db } from '../../db';
import { recordDoorCodeFailure } from '../bookings/repository';
import { listFor } from '../files/repository';
import { toFileView } from '../files/service';
import type { AuthUser } from '../../types';
import { recordOf } from '../visit-record/view';
import { actOnce } from './actions';
import { groupBoard } from './board';
import { taskCards } from './cards';
import { idempotency } from './idempotency';
import { saveLocation } from './location-repository';
import { announceArrivalEstimate } from '../live/announce';
import { findAssignedForUpdate, findOnBoard, listBoard, type Day } from './repository';

export { maskName } from './cards';
export { STAFF_ACTIONS, type StaffActionName } from '@domain';

export class StaffService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly lifecycle: LifecycleConfig,
  ) {}

  /** Today in China time, as the bounds of its instants. */
  private today(): Day & { date: string } {
    const date = chinaDate(this.clock.now());
    const start = chinaInstant(date, '00:00');
    return { date, start, end: new Date(start.getTime() + 24 * 3_600_000) };
  }

  async board(staff: AuthUser): Promise<StaffTaskBoard> {
    const today = this.today();
    return this.db.transaction(async (tx) => groupBoard(await taskCards(tx, staff.id, await listBoard(tx, staff.id, today)), today.date));
  }

  /**
   * One task with its record and photos: while the visit holds their time, or on the day it
   * finished (then without the photos: they are the customer's again, as in the files rules).
   */
  async detail(staff: AuthUser, bookingId: string): Promise<StaffTaskDetail> {
    return this.db.transaction(async (tx) => {
      const row = await findOnBoard(tx, bookingId, staff.id, this.today());
      if (!row) throw new DomainError('NOT_FOUND');
      const [task] = await taskCards(tx, staff.id, [row]);
      const files = holdsSlot(row.status) ? (await listFor(tx, row.id)).map(toFileView) : [];
      return { task, record: await recordOf(tx, row), files };
    });
  }

  /**
   * One action, from the version they saw. Returns the task as it is now, or null when it is no
   * longer theirs (declined: it went to someone else). A replayed key returns the task as it is
   * now and changes nothing.
   */
  async act(staff: AuthUser, bookingId: string, name: StaffActionName, body: StaffActionBody, key?: string): Promise<StaffTaskCard | null> {
    const idem = idempotency(key, ['action', bookingId, name, body]);
    const ctx = { clock: this.clock, lifecycle: this.lifecycle };
    const outcome = await transactionWithRetry(this.db, (tx) => actOnce(tx, ctx, { staff, bookingId, name, body, idem }));
    if (outcome.kind === 'done') return outcome.task;
    // A wrong code changes nothing but the count of failures, kept even though the action is refused.
    const failures = await this.db.transaction((tx) => recordDoorCodeFailure(tx, bookingId));
    throw new DomainError(failures >= DOOR_CODE_MAX_FAILURES ? 'DOOR_CODE_LOCKED' : 'DOOR_CODE_WRONG', {
      attemptsLeft: Math.max(0, DOOR_CODE_MAX_FAILURES - failures),
    });
  }

  /** The phone's latest point while on the way; only the newest is kept, and only while en route. */
  async shareLocation(staff: AuthUser, bookingId: string, location: Location): Promise<void> {
    await this.db.transaction(async (tx) => {
      // Locked, so a point cannot land after the arrival that forgets it.
      const row = await findAssignedForUpdate(tx, bookingId, staff.id);
      if (!row) throw new DomainError('NOT_FOUND');
      if (row.status !== 'en_route') throw new DomainError('TRANSITION_NOT_ALLOWED', { from: row.status });
      const point = { lat: location.lat, lng: location.lng, at: this.clock.now() };
      await saveLocation(tx, { bookingId, staffId: staff.id, ...point });
      // The customer's page hears the new estimated arrival (never the point itself) at commit.
      await announceArrivalEstimate(tx, row, point);
    });
  }
}
