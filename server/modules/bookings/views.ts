/** Builds what customers see of their bookings: staff card, reasons, a Chinese timeline, allowed actions. */
import {
  allowedActions,
  changeDeadline,
  customerActions,
  DOOR_CODE_STATUSES,
  describeEvent,
  STATUS_LABELS,
  staffTitle,
  type ArrivalEstimate,
  type BookingView,
  type StaffCard,
  type TimelineEntry,
  type VisitStatus,
} from '@domain';
import type { Queryable } from '../../db';
import type { BookingRow } from './repository';
import { detailsOf, type BookingDetails } from './details-repository';
import { latestLocations } from '../staff/location-repository';
import { arrivalEstimate, visitPlace } from '../staff/travel';
import { recordsOf, toCustomerRecord } from '../visit-record/view';
import { eventsOf, namesOf, staffCards, type EventRow, type StaffCardRow } from './views-repository';

export const STAFF_PHOTO_ROUTE = '/media/staff-photos';

export function toStaffCard(s: StaffCardRow): StaffCard {
  return {
    id: s.id,
    name: s.name,
    title: staffTitle(s.name, s.gender),
    staffNo: s.staffNo,
    photoUrl: s.photoPath ? `${STAFF_PHOTO_ROUTE}/${s.photoPath}` : '',
    dialects: s.dialects,
    rating: s.rating,
  };
}

function actorName(e: EventRow): string | null {
  if (e.actorRole === 'staff' && e.actorName && e.actorGender) return staffTitle(e.actorName, e.actorGender);
  if (e.actorRole === 'family' && e.actorName) return `您的家人 ${e.actorName}`;
  return null;
}

/** The timeline as this viewer reads it: what the family member did themselves reads "您…". */
function toTimelineEntry(e: EventRow, viewerId: string): TimelineEntry {
  const staffName = e.staffName && e.staffGender ? staffTitle(e.staffName, e.staffGender) : null;
  const wordingRole = e.actorRole === 'family' && e.actorId === viewerId ? 'customer' : e.actorRole;
  return {
    id: e.id,
    at: new Date(e.at).toISOString(),
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    actorRole: e.actorRole,
    text: describeEvent({ action: e.action, actorRole: wordingRole, actorName: actorName(e), staffName, reason: e.reason }),
    reason: e.reason,
  };
}

/** The moment the view is for and the change cut-off: they decide which actions the viewer is offered. */
export interface ViewPolicy {
  now: Date;
  cutoffMinutes: number;
  /** A dispatcher sees the dispatcher's actions and never the door code. Default: the customer side. */
  viewerRole?: 'dispatcher';
}


/** From arrival on, the customer sees what the staff member recorded. */
const RECORD_SHOWN_STATUSES: readonly VisitStatus[] = ['arrived', 'in_service', 'completed'];

/**
 * The day of the visit: the estimated arrival while the staff member travels (customer and family
 * only; an estimate, never the staff member's location) and the record from arrival on.
 */
async function dayOfVisit(q: Queryable, rows: readonly BookingRow[], details: Map<string, BookingDetails>, policy: ViewPolicy) {
  const travelling = policy.viewerRole === 'dispatcher' ? [] : rows.filter((b) => b.status === 'en_route');
  const points = travelling.length ? await latestLocations(q, travelling.map((b) => b.id)) : new Map();
  const eta = new Map<string, ArrivalEstimate>();
  for (const b of travelling) {
    const point = points.get(b.id);
    if (point) eta.set(b.id, arrivalEstimate(point, visitPlace(b, details.get(b.id)?.escort)));
  }
  const records = await recordsOf(q, rows.filter((b) => RECORD_SHOWN_STATUSES.includes(b.status)));
  return { eta, records };
}

/** Views for these bookings as the viewer (a customer, a family member or a dispatcher) sees them: 5–12 queries in all. */
export async function bookingViews(q: Queryable, rows: readonly BookingRow[], viewerId: string, policy: ViewPolicy): Promise<BookingView[]> {
  const elders = await namesOf(q, [...new Set(rows.map((b) => b.elderId))]);
  const staff = await staffCards(q, [...new Set(rows.flatMap((b) => (b.staffId ? [b.staffId] : [])))]);
  const events = await eventsOf(q, rows.map((b) => b.id));
  const details = await detailsOf(q, rows.map((b) => b.id));
  const day = await dayOfVisit(q, rows, details, policy);
  return rows.map((b) => {
    const record = day.records.get(b.id);
    const staffRow = b.staffId ? staff.get(b.staffId) : undefined;
    return {
      id: b.id,
      status: b.status,
      statusLabel: STATUS_LABELS[b.status],
      version: b.version,
      serviceType: b.serviceType,
      claimType: b.claimType,
      elder: { id: b.elderId, name: elders.get(b.elderId) ?? '' },
      slotStart: new Date(b.slotStart).toISOString(),
      slotEnd: new Date(b.slotEnd).toISOString(),
      address: { label: b.addressLabel, text: b.addressText },
      note: b.note,
      escort: details.get(b.id)?.escort ?? null,
      contact: details.get(b.id)?.contact ?? 'elder',
      staff: staffRow ? toStaffCard(staffRow) : null,
      matchReasons: b.matchReasons,
      timeline: events.filter((e) => e.bookingId === b.id).map((e) => toTimelineEntry(e, viewerId)),
      allowedActions:
        policy.viewerRole === 'dispatcher'
          ? allowedActions(b.status, 'dispatcher')
          : customerActions(b.status, b.elderId === viewerId ? 'customer' : 'family', b.slotStart, policy.now, policy.cutoffMinutes),
      changeDeadline: changeDeadline(b.slotStart, policy.cutoffMinutes).toISOString(),
      doorCode: policy.viewerRole !== 'dispatcher' && DOOR_CODE_STATUSES.includes(b.status) ? b.doorCode : null,
      eta: day.eta.get(b.id) ?? null,
      record: record ? toCustomerRecord(record) : null,
      createdAt: new Date(b.createdAt).toISOString(),
    };
  });
}

export async function bookingView(q: Queryable, row: BookingRow, viewerId: string, policy: ViewPolicy): Promise<BookingView> {
  const [view] = await bookingViews(q, [row], viewerId, policy);
  return view;
}
