/**
 * The dispatch desk: what nobody could take, offers about to lapse, matching by hand, cancelling,
 * recording a staff no-show, and leave (illness): a person's visits in the leave are matched
 * again together, as one batch.
 */
import {
  DomainError,
  transition,
  type Clock,
  type DispatchBooking,
  type DispatchCandidate,
  type DispatchQueue,
  type DispatchReasonBody,
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
import { insertLeave, isActiveStaff, listPendingOffers, listUnmatched, lockVisitsDuring } from './repository';

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
    if (Date.parse(body.to) <= Date.parse(body.from)) throw new DomainError('INVALID_TIME_RANGE');
    return transactionWithRetry(this.db, async (tx) => {
      if (!(await isActiveStaff(tx, staffId))) throw new DomainError('NOT_FOUND');
      const now = this.clock.now();
      const leaveId = await insertLeave(tx, { staffId, from: body.from, to: body.to, reason: body.reason, createdBy: actor.id, at: now });
      const affected = await lockVisitsDuring(tx, staffId, body.from, body.to);
      const matching: bookings.BookingRow[] = [];
      for (const row of affected) {
        matching.push(
          await applyTransition(tx, row, {
            action: 'rematch', actor: { role: 'dispatcher', id: actor.id }, reason: '原定的服务人员临时有事', at: now, staffId: null,
          }),
        );
      }
      const ended = await matchAll(tx, matching, now, this.lifecycle.offerTtlMinutes, [staffId]);
      const unmatched = ended.filter((r) => r.status === 'unmatched').length;
      return { leaveId, affected: affected.length, reassigned: ended.length - unmatched, unmatched };
    });
  }
}
