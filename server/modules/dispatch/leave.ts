/**
 * Leave (illness, days off), recorded by a dispatcher or by the staff member: nobody offers them
 * visits in it, and the offered and confirmed visits they held in it are matched again, together,
 * as one batch. The one implementation for both the desk and the staff member's own page.
 */
import { DomainError, type LeaveView, type StaffLeaveBody, type StaffLeaveResult } from '@domain';
import type { Queryable } from '../../db';
import { applyTransition, type Actor } from '../bookings/lifecycle';
import { matchAll } from '../bookings/matching-flow';
import type { BookingRow } from '../bookings/repository';
import { deleteLeave, endLeaveAt, type LeaveRow } from './leave-repository';
import { insertLeave, lockVisitsDuring } from './repository';

export interface LeaveRequest {
  staffId: string;
  body: StaffLeaveBody;
  /** Who recorded it (a dispatcher, or the staff member themselves). */
  recordedBy: string;
  /** Who the rematch events name: the dispatcher, or the system acting on the staff member's leave. */
  actor: Actor;
  now: Date;
  offerTtlMinutes: number;
}

export function checkLeaveRange(body: StaffLeaveBody): void {
  if (Date.parse(body.to) <= Date.parse(body.from)) throw new DomainError('INVALID_TIME_RANGE');
}

export async function recordLeaveAndRematch(tx: Queryable, req: LeaveRequest): Promise<StaffLeaveResult> {
  checkLeaveRange(req.body);
  const { staffId, body, now } = req;
  const leaveId = await insertLeave(tx, { staffId, from: body.from, to: body.to, reason: body.reason, createdBy: req.recordedBy, at: now });
  const affected = await lockVisitsDuring(tx, staffId, body.from, body.to);
  const matching: BookingRow[] = [];
  for (const row of affected) {
    matching.push(await applyTransition(tx, row, { action: 'rematch', actor: req.actor, reason: '原定的服务人员临时有事', at: now, staffId: null }));
  }
  const ended = await matchAll(tx, matching, now, req.offerTtlMinutes, [staffId]);
  const unmatched = ended.filter((r) => r.status === 'unmatched').length;
  return { leaveId, affected: affected.length, reassigned: ended.length - unmatched, unmatched };
}

/** Leave that has not started yet can still be withdrawn as if it never was. */
export function canWithdraw(leave: LeaveRow, now: Date): boolean {
  return new Date(leave.startsAt).getTime() > now.getTime();
}

/**
 * Leave as the staff member sees it (they may withdraw only their own, before it starts) or as the
 * desk sees it (it may withdraw any leave that has not ended).
 */
export function leaveView(l: LeaveRow, now: Date, viewer: 'staff' | 'desk'): LeaveView {
  const byDispatcher = l.createdBy !== l.staffId;
  const canCancel = viewer === 'desk' ? new Date(l.endsAt).getTime() > now.getTime() : !byDispatcher && canWithdraw(l, now);
  return { id: l.id, from: new Date(l.startsAt).toISOString(), to: new Date(l.endsAt).toISOString(), reason: l.reason, byDispatcher, canCancel };
}

/** Under way at this instant. */
export function isUnderWay(l: LeaveRow, now: Date): boolean {
  return new Date(l.startsAt).getTime() <= now.getTime() && new Date(l.endsAt).getTime() > now.getTime();
}

/**
 * A dispatcher withdraws leave: not started yet → gone; under way → it ends now (they are back at
 * work early); already over → 409 LEAVE_NOT_CANCELLABLE. Visits matched away stay with their new person.
 */
export async function withdrawLeaveAtDesk(tx: Queryable, leave: LeaveRow, now: Date): Promise<void> {
  if (canWithdraw(leave, now)) return deleteLeave(tx, leave.id);
  if (new Date(leave.endsAt).getTime() <= now.getTime()) throw new DomainError('LEAVE_NOT_CANCELLABLE');
  await endLeaveAt(tx, leave.id, now);
}
