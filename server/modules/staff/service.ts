/**
 * A staff member's work: only visits assigned to them (OWASP API1), with the customer's name
 * masked, the address shown while the visit is theirs and the phone only once they confirmed
 * (OWASP API3). Every action goes through the lifecycle with the version the person saw.
 */
import { randomInt } from 'node:crypto';
import {
  allowedActions,
  canTransition,
  CONTACT_VISIBLE_STATUSES,
  DomainError,
  STATUS_LABELS,
  type Clock,
  type StaffActionBody,
  type StaffTask,
  type VisitAction,
} from '@domain';
import type { LifecycleConfig } from '../../config';
import type { Db, Queryable } from '../../db';
import type { AuthUser } from '../../types';
import { applyTransition } from '../bookings/lifecycle';
import { matchAll } from '../bookings/matching-flow';
import { recordDoorCodeFailure, type BookingRow } from '../bookings/repository';
import { contactsOf, findAssignedForUpdate, listHeldByStaff } from './repository';

/** 张秀英 → 张**: enough to greet the right person at the door, no more. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? `${name}*` : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/** The API's staff actions and the lifecycle action each one is. */
export const STAFF_ACTIONS = {
  confirm: 'confirm',
  decline: 'decline',
  depart: 'depart',
  arrive: 'arrive',
  start: 'start_service',
  complete: 'complete',
  'no-show': 'report_customer_no_show',
} as const satisfies Record<string, VisitAction>;
export type StaffActionName = keyof typeof STAFF_ACTIONS;

/** Wrong door codes allowed before the check locks (a dispatcher must then step in). */
export const DOOR_CODE_MAX_FAILURES = 5;

function toTask(b: BookingRow, contact: { name: string; phone: string | null } | undefined): StaffTask {
  return {
    id: b.id,
    status: b.status,
    statusLabel: STATUS_LABELS[b.status],
    version: b.version,
    serviceType: b.serviceType,
    claimType: b.claimType,
    customerName: maskName(contact?.name ?? ''),
    slotStart: new Date(b.slotStart).toISOString(),
    slotEnd: new Date(b.slotEnd).toISOString(),
    address: { label: b.addressLabel, text: b.addressText, district: b.addressDistrict },
    note: b.note,
    offerExpiresAt: b.status === 'offered' && b.offerExpiresAt ? new Date(b.offerExpiresAt).toISOString() : null,
    customerPhone: CONTACT_VISIBLE_STATUSES.includes(b.status) ? (contact?.phone ?? null) : null,
    allowedActions: allowedActions(b.status, 'staff'),
  };
}

/** Six digits from a cryptographic source: guessing at the door is what the failure limit stops. */
const newDoorCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

type Outcome = { kind: 'done'; task: StaffTask | null } | { kind: 'wrong_code' };

export class StaffService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly lifecycle: LifecycleConfig,
  ) {}

  async tasks(staff: AuthUser): Promise<StaffTask[]> {
    return this.db.transaction(async (tx) => {
      const rows = await listHeldByStaff(tx, staff.id);
      const contacts = await contactsOf(tx, rows.map((r) => r.id));
      return rows.map((r) => toTask(r, contacts.get(r.id)));
    });
  }

  /**
   * One action on a visit assigned to this staff member, from the version they saw. Returns the
   * task as it is now, or null when it is no longer theirs (declined: it went to someone else).
   */
  async act(staff: AuthUser, bookingId: string, name: StaffActionName, body: StaffActionBody): Promise<StaffTask | null> {
    const outcome = await this.db.transaction((tx) => this.actOnce(tx, staff, bookingId, STAFF_ACTIONS[name], body));
    if (outcome.kind === 'done') return outcome.task;
    // A wrong code changes nothing but the count of failures, kept even though the action is refused.
    const failures = await this.db.transaction((tx) => recordDoorCodeFailure(tx, bookingId));
    throw new DomainError(failures >= DOOR_CODE_MAX_FAILURES ? 'DOOR_CODE_LOCKED' : 'DOOR_CODE_WRONG', {
      attemptsLeft: Math.max(0, DOOR_CODE_MAX_FAILURES - failures),
    });
  }

  private async actOnce(tx: Queryable, staff: AuthUser, bookingId: string, action: VisitAction, body: StaffActionBody): Promise<Outcome> {
    const row = await findAssignedForUpdate(tx, bookingId, staff.id);
    if (!row) throw new DomainError('NOT_FOUND');
    if (row.version !== body.version) throw new DomainError('VERSION_CONFLICT');
    const now = this.clock.now();
    const actor = { role: 'staff' as const, id: staff.id };
    if (action === 'arrive') {
      // Only where arriving is allowed at all is a code checked (and a wrong one counted).
      if (!canTransition(row.status, 'arrive', 'staff')) throw new DomainError('TRANSITION_NOT_ALLOWED', { from: row.status, action });
      if (row.doorCodeFailures >= DOOR_CODE_MAX_FAILURES) throw new DomainError('DOOR_CODE_LOCKED');
      if (!body.doorCode) throw new DomainError('DOOR_CODE_REQUIRED');
      if (body.doorCode !== row.doorCode) return { kind: 'wrong_code' };
    }
    const changed = await applyTransition(tx, row, {
      action,
      actor,
      reason: body.reason,
      at: now,
      location: body.location ?? null,
      doorCode: action === 'confirm' ? newDoorCode() : undefined,
    });
    if (action === 'decline') {
      // Matched again at once, without this person; the customer's timeline says so.
      await matchAll(tx, [changed], now, this.lifecycle.offerTtlMinutes);
      return { kind: 'done', task: null };
    }
    const contacts = await contactsOf(tx, [row.id]);
    return { kind: 'done', task: toTask(changed, contacts.get(row.id)) };
  }
}
