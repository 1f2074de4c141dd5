/**
 * The dispatch desk: what nobody could take, offers about to lapse, matching by hand, cancelling,
 * recording a staff no-show, and leave (illness): a person's visits in the leave are matched
 * again together, as one batch.
 */
import {
  DOOR_CODE_STATUSES,
  DomainError,
  DOOR_CODE_MAX_FAILURES,
  transition,
  type Clock,
  type DispatchBooking,
  type DispatchCandidate,
  type DispatchQueue,
  type DispatchReasonBody,
  type DoorCodeUnlockBody,
  type ReassignBody,
  type StaffLeaveBody,
  type StaffLeaveResult,
} from '@domain';
import type { LifecycleConfig } from '../../config';
import { transactionWithRetry, type Db, type Queryable } from '../../db';
import type { AuthUser } from '../../types';
import { applyTransition } from '../bookings/lifecycle';
import { matchAll, matchTargets, offerTo } from '../bookings/matching-flow';
import * as bookings from '../bookings/repository';
import { bookingViews, toStaffCard, type ViewPolicy } from '../bookings/views';
import { staffCards } from '../bookings/views-repository';
import { rankFor } from '../matching/matcher';
import { lockStaff } from '../matching/repository';
import { checkLeaveRange, recordLeaveAndRematch, withdrawLeaveAtDesk } from './leave';
import { findLeaveForUpdate } from './leave-repository';
import { isActiveStaff, listPendingOffers, listUnmatched, recordDoorCodeUnlock } from './repository';

type StaffLeaveResultCounts = Omit<StaffLeaveResult, 'leaveId'>;

export class DispatchService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly lifecycle: LifecycleConfig,
  ) {}

  private policy(): ViewPolicy {
    return { now: this.clock.now(), cutoffMinutes: this.lifecycle.changeCutoffMinutes, viewerRole: 'dispatcher' };
  }

  private async views(tx: Queryable, actor: AuthUser, rows: bookings.BookingRow[]): Promise<DispatchBooking[]> {
    const views = await bookingViews(tx, rows, actor.id, this.policy());
    return rows.map((r, i) => ({
      booking: views[i],
      district: r.addressDistrict,
      offerExpiresAt: r.offerExpiresAt ? new Date(r.offerExpiresAt).toISOString() : null,
      doorCodeLocked: DOOR_CODE_STATUSES.includes(r.status) && r.doorCodeFailures >= DOOR_CODE_MAX_FAILURES,
    }));
  }

  async queue(actor: AuthUser): Promise<DispatchQueue> {
    return this.db.transaction(async (tx) => ({
      unmatched: await this.views(tx, actor, await listUnmatched(tx, this.clock.now())),
      expiringOffers: await this.views(tx, actor, await listPendingOffers(tx)),
    }));
  }

  async booking(actor: AuthUser, id: string): Promise<DispatchBooking> {
    return this.db.transaction(async (tx) => {
      const row = await bookings.findById(tx, id);
      if (!row) throw new DomainError('NOT_FOUND');
      return (await this.views(tx, actor, [row]))[0];
    });
  }

  /** Everyone who could take the visit now, best first, with the engine's reasons. */
  async candidates(id: string): Promise<DispatchCandidate[]> {
    return this.db.transaction(async (tx) => {
      const row = await bookings.findById(tx, id);
      if (!row) throw new DomainError('NOT_FOUND');
      const [target] = await matchTargets(tx, [row]);
      const { ranked } = await rankFor(tx, target);
      const cards = await staffCards(tx, ranked.map((c) => c.staff.id));
      return ranked.flatMap((c) => {
        const card = cards.get(c.staff.id);
        return card ? [{ staff: toStaffCard(card), distanceKm: Math.round(c.distanceKm * 10) / 10, cost: c.cost, reasons: c.reasons }] : [];
      });
    });
  }

  private async lockWithVersion(tx: Queryable, id: string, version: number): Promise<bookings.BookingRow> {
    const row = await bookings.findByIdForUpdate(tx, id);
    if (!row) throw new DomainError('NOT_FOUND');
    if (row.version !== version) throw new DomainError('VERSION_CONFLICT');
    return row;
  }

  /** Offers the visit to a person the dispatcher chose; they must fit the hard rules (a decline may be asked again). */
  async reassign(actor: AuthUser, id: string, body: ReassignBody): Promise<DispatchBooking> {
    return transactionWithRetry(this.db, async (tx) => {
      const row = await this.lockWithVersion(tx, id, body.version);
      transition({ from: row.status, action: 'reassign', role: 'dispatcher', reason: body.reason });
      await lockStaff(tx, body.staffId);
      const [target] = await matchTargets(tx, [row]);
      const { ranked } = await rankFor(tx, target);
      const chosen = ranked.find((c) => c.staff.id === body.staffId);
      if (!chosen) throw new DomainError('STAFF_NOT_AVAILABLE');
      const now = this.clock.now();
      const offered = await offerTo(tx, row, chosen, now, this.lifecycle.offerTtlMinutes, { role: 'dispatcher', id: actor.id }, body.reason);
      return (await this.views(tx, actor, [offered]))[0];
    });
  }

  async cancel(actor: AuthUser, id: string, body: DispatchReasonBody): Promise<DispatchBooking> {
    return this.simple(actor, id, body, 'cancel');
  }

  async recordStaffNoShow(actor: AuthUser, id: string, body: DispatchReasonBody): Promise<DispatchBooking> {
    return this.simple(actor, id, body, 'record_staff_no_show');
  }

  private async simple(actor: AuthUser, id: string, body: DispatchReasonBody, action: 'cancel' | 'record_staff_no_show'): Promise<DispatchBooking> {
    return this.db.transaction(async (tx) => {
      const row = await this.lockWithVersion(tx, id, body.version);
      const now = this.clock.now();
      const changed = await applyTransition(tx, row, { action, actor: { role: 'dispatcher', id: actor.id }, reason: body.reason, at: now });
      return (await this.views(tx, actor, [changed]))[0];
    });
  }

  /**
   * Tries every unmatched visit still to come again, together (a morning's backlog, after staff
   * came back or new staff joined): those someone can take now are offered, the rest stay unmatched.
   */
  async rematchBacklog(actor: AuthUser): Promise<StaffLeaveResultCounts> {
    return transactionWithRetry(this.db, async (tx) => {
      const now = this.clock.now();
      const backlog = await listUnmatched(tx, now, { lock: true });
      const matching: bookings.BookingRow[] = [];
      for (const row of backlog) {
        matching.push(await applyTransition(tx, row, { action: 'rematch', actor: { role: 'dispatcher', id: actor.id }, reason: '调度员重新为您安排', at: now }));
      }
      const ended = await matchAll(tx, matching, now, this.lifecycle.offerTtlMinutes);
      const unmatched = ended.filter((r) => r.status === 'unmatched').length;
      return { affected: backlog.length, reassigned: ended.length - unmatched, unmatched };
    });
  }

  /**
   * A staff member falls ill or takes leave: the leave is recorded (so nobody offers them visits in
   * it), and their offered and confirmed visits in it are matched again, all together.
   */
  async recordLeave(actor: AuthUser, staffId: string, body: StaffLeaveBody): Promise<StaffLeaveResult> {
    checkLeaveRange(body);
    return transactionWithRetry(this.db, async (tx) => {
      if (!(await isActiveStaff(tx, staffId))) throw new DomainError('NOT_FOUND');
      return recordLeaveAndRematch(tx, {
        staffId, body, recordedBy: actor.id, actor: { role: 'dispatcher', id: actor.id }, now: this.clock.now(), offerTtlMinutes: this.lifecycle.offerTtlMinutes,
      });
    });
  }

  /** Withdraws leave (theirs or the staff member's own): see withdrawLeaveAtDesk. */
  async cancelLeave(staffId: string, leaveId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const leave = await findLeaveForUpdate(tx, staffId, leaveId);
      if (!leave) throw new DomainError('NOT_FOUND');
      await withdrawLeaveAtDesk(tx, leave, this.clock.now());
    });
  }

  /**
   * After too many wrong door codes the check locks; the dispatcher, having made sure the right
   * person is at the right door (a call), lets them try again. Recorded in an append-only audit.
   */
  async unlockDoorCode(actor: AuthUser, id: string, body: DoorCodeUnlockBody): Promise<DispatchBooking> {
    const reason = body.reason.trim();
    if (!reason) throw new DomainError('REASON_REQUIRED');
    return this.db.transaction(async (tx) => {
      const row = await this.lockWithVersion(tx, id, body.version);
      if (!DOOR_CODE_STATUSES.includes(row.status)) throw new DomainError('TRANSITION_NOT_ALLOWED', { from: row.status });
      await recordDoorCodeUnlock(tx, { bookingId: id, by: actor.id, reason, failuresBefore: row.doorCodeFailures, at: this.clock.now() });
      // The version stays: the staff member at the door must not be told their page is stale.
      return (await this.views(tx, actor, [{ ...row, doorCodeFailures: 0 }]))[0];
    });
  }
}
