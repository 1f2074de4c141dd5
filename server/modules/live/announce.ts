/**
 * Announcing changes to every API instance, inside the transaction that makes them: `pg_notify`
 * is delivered at commit, so a push never runs ahead of the data the app then reads, and a change
 * rolled back is never announced.
 */
import { publish } from '../../db/bus';
import type { Queryable } from '../../db';
import type { VisitChange } from '../bookings/change-effects';
import type { BookingRow } from '../bookings/repository';
import { detailsOf } from '../bookings/details-repository';
import { ROUTE_STATUSES } from '../staff/repository';
import { arrivalEstimate, visitPlace } from '../staff/travel';
import type { EtaChangedEvent, VisitChangedEvent } from './events';
import { previousHolder } from './repository';

/** A visit's status changed (applyTransition, through afterVisitChange). */
export async function announceVisitChange(q: Queryable, change: VisitChange): Promise<void> {
  const { booking } = change;
  const onBoardBefore = ROUTE_STATUSES.includes(change.from) ? await previousHolder(q, booking.id) : null;
  const onBoardAfter = ROUTE_STATUSES.includes(change.to) ? booking.staffId : null;
  const event: VisitChangedEvent = {
    kind: 'visit',
    bookingId: booking.id,
    version: booking.version,
    status: booking.status,
    elderId: booking.elderId,
    staffIds: [...new Set([onBoardBefore, onBoardAfter].filter((id): id is string => id !== null))],
  };
  await publish(q, event);
}

/** The staff member on the way sent a location: the customer's estimated arrival moved. */
export async function announceArrivalEstimate(q: Queryable, booking: BookingRow, point: { lat: number; lng: number; at: Date }): Promise<void> {
  const escort = (await detailsOf(q, [booking.id])).get(booking.id)?.escort;
  const estimate = arrivalEstimate(point, visitPlace(booking, escort));
  const event: EtaChangedEvent = { kind: 'eta', bookingId: booking.id, elderId: booking.elderId, at: estimate.at, distanceKm: estimate.distanceKm };
  await publish(q, event);
}

/**
 * The record at the door changed (a document, a photo, the signature): the customer's page reads
 * it again. Same audience and version as the visit (the status did not move).
 */
export async function announceRecordChange(q: Queryable, booking: BookingRow): Promise<void> {
  const event: VisitChangedEvent = {
    kind: 'visit',
    bookingId: booking.id,
    version: booking.version,
    status: booking.status,
    elderId: booking.elderId,
    staffIds: booking.staffId ? [booking.staffId] : [],
  };
  await publish(q, event);
}
