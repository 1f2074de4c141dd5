/**
 * Where a visit happens and how long it takes to get there: travel legs between the visits of a
 * staff member's day, and the arrival estimate the customer sees while the staff member travels.
 * Pure: straight-line distances with the domain's road factor and city speed (no routing service).
 */
import {
  chinaDate,
  distanceKm,
  estimateArrival,
  findHospital,
  travelMinutes,
  type ArrivalEstimate,
  type EscortView,
  type GeoPoint,
  type TravelLeg,
} from '@domain';
import type { BookingRow } from '../bookings/repository';

/** One decimal, as people read distances (3.2 公里). */
const oneDecimal = (km: number) => Math.round(km * 10) / 10;

/** An escort without pick-up happens at the hospital (as matching sees it); everything else at home. */
export function visitPlace(row: BookingRow, escort: EscortView | null | undefined): GeoPoint {
  const hospital = escort && !escort.pickUp ? findHospital(escort.hospitalId) : null;
  return hospital ? { lat: hospital.lat, lng: hospital.lng } : { lat: row.addressLat, lng: row.addressLng };
}

export function legBetween(from: GeoPoint, to: GeoPoint, kind: TravelLeg['from']): TravelLeg {
  return { from: kind, distanceKm: oneDecimal(distanceKm(from, to)), minutes: travelMinutes(from, to) };
}

/**
 * The leg to each visit of a route (the person's visits in slot order): from the previous visit of
 * the same China day, or from the person's base for the first of the day.
 */
export function routeLegs(route: ReadonlyArray<{ id: string; slotStart: Date; place: GeoPoint }>, base: GeoPoint | null): Map<string, TravelLeg | null> {
  const legs = new Map<string, TravelLeg | null>();
  route.forEach((visit, i) => {
    const previous = route[i - 1];
    if (previous && chinaDate(previous.slotStart) === chinaDate(visit.slotStart)) {
      legs.set(visit.id, legBetween(previous.place, visit.place, 'previous_visit'));
    } else {
      legs.set(visit.id, base ? legBetween(base, visit.place, 'base') : null);
    }
  });
  return legs;
}

/** From the phone's latest point: when the staff member should be at the door. Never the point itself. */
export function arrivalEstimate(point: GeoPoint & { at: Date }, place: GeoPoint): ArrivalEstimate {
  return {
    at: estimateArrival(point, place, new Date(point.at)),
    distanceKm: oneDecimal(distanceKm(point, place)),
    updatedAt: new Date(point.at).toISOString(),
  };
}
