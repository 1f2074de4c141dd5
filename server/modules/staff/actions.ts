/**
 * One staff action on a visit assigned to them, in one transaction: the replay check of its
 * Idempotency-Key, the version they saw, the door code at arrival, the record before 完成, then the
 * lifecycle's transition (whose event row carries the key) and what the action implies (the
 * location shared on departure, matching again after a decline).
 */
import { randomInt } from 'node:crypto';
import { canTransition, DOOR_CODE_MAX_FAILURES, DomainError, STAFF_ACTIONS, type StaffActionName, type Clock, type StaffActionBody, type StaffTaskCard, type VisitAction } from '@domain';
import type { LifecycleConfig } from '../../config';
import type { Queryable } from '../../db';
import type { AuthUser } from '../../types';
import { applyTransition } from '../bookings/lifecycle';
import { matchAll } from '../bookings/matching-flow';
import type { BookingRow } from '../bookings/repository';
import { recordOf } from '../visit-record/view';
import { taskCards } from './cards';
import { assertSameRequest, type Idempotency } from './idempotency';
import { saveLocation } from './location-repository';
import { findAssignedForUpdate, findEventByKey } from './repository';

/** Six digits from a cryptographic source: guessing at the door is what the failure limit stops. */
const newDoorCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

export type Outcome = { kind: 'done'; task: StaffTaskCard | null } | { kind: 'wrong_code' };

export interface ActionContext {
  clock: Clock;
  lifecycle: LifecycleConfig;
}

export interface ActionRequest {
  staff: AuthUser;
  bookingId: string;
  name: StaffActionName;
  body: StaffActionBody;
  idem: Idempotency | null;
}

const cardOf = async (tx: Queryable, staffId: string, row: BookingRow) => (await taskCards(tx, staffId, [row]))[0];

/** The refusals that come before any change; null when the action may go ahead, else the outcome. */
async function checkBefore(tx: Queryable, row: BookingRow, action: VisitAction, body: StaffActionBody): Promise<Outcome | null> {
  if (row.version !== body.version) throw new DomainError('VERSION_CONFLICT');
  if (action === 'arrive') {
    // Only where arriving is allowed at all is a code checked (and a wrong one counted).
    if (!canTransition(row.status, 'arrive', 'staff')) throw new DomainError('TRANSITION_NOT_ALLOWED', { from: row.status, action });
    if (row.doorCodeFailures >= DOOR_CODE_MAX_FAILURES) throw new DomainError('DOOR_CODE_LOCKED');
    if (!body.doorCode) throw new DomainError('DOOR_CODE_REQUIRED');
    if (body.doorCode !== row.doorCode) return { kind: 'wrong_code' };
  }
  if (action === 'complete') {
    if (!canTransition(row.status, 'complete', 'staff')) throw new DomainError('TRANSITION_NOT_ALLOWED', { from: row.status, action });
    const { blockers } = await recordOf(tx, row);
    if (blockers.length > 0) throw new DomainError('VISIT_NOT_READY_TO_COMPLETE', { blockers });
  }
  return null;
}

export async function actOnce(tx: Queryable, ctx: ActionContext, req: ActionRequest): Promise<Outcome> {
  const { staff, body, idem } = req;
  // Locked first, so a replay racing its original waits for it and then finds its key.
  const row = await findAssignedForUpdate(tx, req.bookingId, staff.id);
  const prior = idem ? await findEventByKey(tx, staff.id, idem.key) : null;
  if (idem && prior) {
    assertSameRequest(idem, prior);
    if (req.name === 'decline') return { kind: 'done', task: null };
    if (!row) throw new DomainError('NOT_FOUND');
    return { kind: 'done', task: await cardOf(tx, staff.id, row) };
  }
  if (!row) throw new DomainError('NOT_FOUND');
  const action = STAFF_ACTIONS[req.name];
  const refused = await checkBefore(tx, row, action, body);
  if (refused) return refused;

  const now = ctx.clock.now();
  const changed = await applyTransition(tx, row, {
    action,
    actor: { role: 'staff', id: staff.id },
    reason: body.reason,
    at: now,
    location: body.location ?? null,
    doorCode: action === 'confirm' ? newDoorCode() : undefined,
    // The key belongs to that one event: none of the events that may follow (a rematch) carry it.
    idempotency: idem ? { key: idem.key, hash: idem.hash } : null,
  });
  if (action === 'depart' && body.location) await saveLocation(tx, { bookingId: row.id, staffId: staff.id, ...body.location, at: now });
  if (action === 'decline') {
    // Matched again at once, without this person; the customer's timeline says so.
    await matchAll(tx, [changed], now, ctx.lifecycle.offerTtlMinutes);
    return { kind: 'done', task: null };
  }
  return { kind: 'done', task: await cardOf(tx, staff.id, changed) };
}
