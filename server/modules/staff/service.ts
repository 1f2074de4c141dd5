/**
 * A staff member's work: only visits assigned to them (OWASP API1), with the customer's name
 * masked and the address shown only while the visit is theirs (OWASP API3).
 */
import { allowedActions, DomainError, STATUS_LABELS, type Clock, type StaffTask, type TransitionBody } from '@domain';
import type { Db } from '../../db';
import type { AuthUser } from '../../types';
import { applyTransition } from '../bookings/lifecycle';
import { settleOffer, type BookingRow } from '../bookings/repository';
import { namesOf } from '../bookings/views-repository';
import { findAssigned, listHeldByStaff } from './repository';

/** 张秀英 → 张**: enough to greet the right person at the door, no more. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? `${name}*` : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

function toTask(b: BookingRow, customerName: string): StaffTask {
  return {
    id: b.id,
    status: b.status,
    statusLabel: STATUS_LABELS[b.status],
    version: b.version,
    serviceType: b.serviceType,
    claimType: b.claimType,
    customerName: maskName(customerName),
    slotStart: new Date(b.slotStart).toISOString(),
    slotEnd: new Date(b.slotEnd).toISOString(),
    address: { label: b.addressLabel, text: b.addressText, district: b.addressDistrict },
    note: b.note,
    allowedActions: allowedActions(b.status, 'staff'),
  };
}

export class StaffService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async tasks(staff: AuthUser): Promise<StaffTask[]> {
    return this.db.transaction(async (tx) => {
      const rows = await listHeldByStaff(tx, staff.id);
      const names = await namesOf(tx, [...new Set(rows.map((r) => r.elderId))]);
      return rows.map((r) => toTask(r, names.get(r.elderId) ?? ''));
    });
  }

  /** offered → confirmed, only by the staff member offered it, only from the version they saw. */
  async confirm(staff: AuthUser, bookingId: string, body: TransitionBody): Promise<StaffTask> {
    return this.db.transaction(async (tx) => {
      const row = await findAssigned(tx, bookingId, staff.id);
      if (!row) throw new DomainError('NOT_FOUND');
      if (row.version !== body.version) throw new DomainError('VERSION_CONFLICT');
      const now = this.clock.now();
      const confirmed = await applyTransition(tx, row, { action: 'confirm', actor: { role: 'staff', id: staff.id }, reason: body.reason, at: now });
      await settleOffer(tx, row.id, staff.id, 'accepted', now);
      const names = await namesOf(tx, [row.elderId]);
      return toTask(confirmed, names.get(row.elderId) ?? '');
    });
  }
}
