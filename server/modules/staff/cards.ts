/**
 * What a staff member sees of a visit: the task (name masked, address while the visit is theirs,
 * phone only from confirmation) and what the card adds to it: the customer's needs, the escort
 * details, the travel leg from the previous visit of the day, the customer's photos.
 */
import {
  allowedActions,
  chinaInstant,
  chinaDate,
  CONTACT_VISIBLE_STATUSES,
  holdsSlot,
  STATUS_LABELS,
  type EscortView,
  type StaffTask,
  type StaffTaskCard,
  type TravelLeg,
} from '@domain';
import type { Queryable } from '../../db';
import { detailsOf } from '../bookings/details-repository';
import type { BookingRow } from '../bookings/repository';
import { contactsOf, customerPhotoCounts, routeBetween, staffBase, type CustomerOfTask } from './repository';
import { routeLegs, visitPlace } from './travel';

/** 张秀英 → 张**: enough to greet the right person at the door, no more. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? `${name}*` : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

export function toTask(b: BookingRow, contact: CustomerOfTask | undefined): StaffTask {
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
    // The street address only while the visit holds their time; a finished visit keeps its district.
    address: { label: b.addressLabel, text: holdsSlot(b.status) ? b.addressText : '', district: b.addressDistrict },
    note: b.note,
    offerExpiresAt: b.status === 'offered' && b.offerExpiresAt ? new Date(b.offerExpiresAt).toISOString() : null,
    customerPhone: CONTACT_VISIBLE_STATUSES.includes(b.status) ? (contact?.phone ?? null) : null,
    allowedActions: allowedActions(b.status, 'staff'),
  };
}

const dayAfter = (date: string) => new Date(chinaInstant(date, '00:00').getTime() + 24 * 3_600_000);

/** The leg to each of these visits, from the staff member's route of the days they fall on. */
async function travelLegs(q: Queryable, staffId: string, rows: readonly BookingRow[]): Promise<Map<string, TravelLeg | null>> {
  if (rows.length === 0) return new Map();
  const days = rows.map((r) => chinaDate(r.slotStart)).sort();
  const route = await routeBetween(q, staffId, chinaInstant(days[0], '00:00'), dayAfter(days[days.length - 1]));
  const details = await detailsOf(q, route.filter((r) => r.serviceType === 'escort').map((r) => r.id));
  const places = route.map((r) => ({ id: r.id, slotStart: r.slotStart, place: visitPlace(r, details.get(r.id)?.escort) }));
  return routeLegs(places, await staffBase(q, staffId));
}

/** Cards for these visits of one staff member, in the order given (5–7 queries, whatever the count). */
export async function taskCards(q: Queryable, staffId: string, rows: readonly BookingRow[]): Promise<StaffTaskCard[]> {
  const ids = rows.map((r) => r.id);
  // One after another: inside a transaction the connection runs one query at a time anyway.
  const contacts = await contactsOf(q, ids);
  const details = await detailsOf(q, ids);
  const photos = await customerPhotoCounts(q, ids);
  const legs = await travelLegs(q, staffId, rows);
  return rows.map((row) => {
    const contact = contacts.get(row.id);
    const escort: EscortView | null = details.get(row.id)?.escort ?? null;
    const mobility = escort?.mobility ?? [];
    return {
      ...toTask(row, contact),
      needs: { mobility, dialect: contact?.dialect ?? null, hardOfHearing: mobility.includes('hard_of_hearing') },
      escort,
      travel: legs.get(row.id) ?? null,
      customerPhotoCount: photos.get(row.id) ?? 0,
    };
  });
}
