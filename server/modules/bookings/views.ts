/** Builds what customers see of their bookings: staff card, reasons, a Chinese timeline, allowed actions. */
import {
  allowedActions,
  changeDeadline,
  customerActions,
  DOOR_CODE_STATUSES,
  describeEvent,
  STATUS_LABELS,
  staffTitle,
  type BookingView,
  type StaffCard,
  type TimelineEntry,
} from '@domain';
import type { Queryable } from '../../db';
import type { BookingRow } from './repository';
import { detailsOf } from './details-repository';
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

/** Views for these bookings as the viewer (a customer or a family member) sees them: 5 queries in all. */
/** The moment the view is for and the change cut-off: they decide which actions the viewer is offered. */
export interface ViewPolicy {
  now: Date;
  cutoffMinutes: number;
  /** A dispatcher sees the dispatcher's actions and never the door code. Default: the customer side. */
  viewerRole?: 'dispatcher';
}


export async function bookingViews(q: Queryable, rows: readonly BookingRow[], viewerId: string, policy: ViewPolicy): Promise<BookingView[]> {
  const elders = await namesOf(q, [...new Set(rows.map((b) => b.elderId))]);
  const staff = await staffCards(q, [...new Set(rows.flatMap((b) => (b.staffId ? [b.staffId] : [])))]);
  const events = await eventsOf(q, rows.map((b) => b.id));
  const details = await detailsOf(q, rows.map((b) => b.id));
  return rows.map((b) => {
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
      createdAt: new Date(b.createdAt).toISOString(),
    };
  });
}

export async function bookingView(q: Queryable, row: BookingRow, viewerId: string, policy: ViewPolicy): Promise<BookingView> {
  const [view] = await bookingViews(q, [row], viewerId, policy);
  return view;
}
