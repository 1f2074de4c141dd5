/** Builds what customers see of their bookings: staff card, reasons, a Chinese timeline, allowed actions. */
import {
  allowedActions,
  describeEvent,
  STATUS_LABELS,
  staffTitle,
  type BookingView,
  type StaffCard,
  type TimelineEntry,
} from '@domain';
import type { Queryable } from '../../db';
import type { BookingRow } from './repository';
import { eventsOf, namesOf, staffCards, type EventRow, type StaffCardRow } from './views-repository';

export const STAFF_PHOTO_ROUTE = '/media/staff-photos';

function toStaffCard(s: StaffCardRow): StaffCard {
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

function toTimelineEntry(e: EventRow): TimelineEntry {
  const staffName = e.staffName && e.staffGender ? staffTitle(e.staffName, e.staffGender) : null;
  return {
    id: e.id,
    at: new Date(e.at).toISOString(),
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    actorRole: e.actorRole,
    text: describeEvent({ action: e.action, actorRole: e.actorRole, actorName: actorName(e), staffName, reason: e.reason }),
    reason: e.reason,
  };
}

/** Views for these bookings as the viewer (a customer or a family member) sees them: 4 queries in all. */
export async function bookingViews(q: Queryable, rows: readonly BookingRow[], viewerId: string): Promise<BookingView[]> {
  const elders = await namesOf(q, [...new Set(rows.map((b) => b.elderId))]);
  const staff = await staffCards(q, [...new Set(rows.flatMap((b) => (b.staffId ? [b.staffId] : [])))]);
  const events = await eventsOf(q, rows.map((b) => b.id));
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
      staff: staffRow ? toStaffCard(staffRow) : null,
      matchReasons: b.matchReasons,
      timeline: events.filter((e) => e.bookingId === b.id).map(toTimelineEntry),
      allowedActions: allowedActions(b.status, b.elderId === viewerId ? 'customer' : 'family'),
      createdAt: new Date(b.createdAt).toISOString(),
    };
  });
}

export async function bookingView(q: Queryable, row: BookingRow, viewerId: string): Promise<BookingView> {
  const [view] = await bookingViews(q, [row], viewerId);
  return view;
}
