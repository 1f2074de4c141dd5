/**
 * Where a staff member serves: a district and a radius around a base point. Picking a district
 * puts the base at its centre (no geocoding, like typed addresses); keeping the district keeps the
 * base they had (a seeded or earlier precise point).
 */
import { DomainError, districtOf, findDistrict, type ServiceArea } from '@domain';
import type { StaffProfileRow } from './repository';

export interface PlacedArea {
  district: string;
  base: { lat: number; lng: number };
  radiusKm: number;
}

/** Profiles from before districts were kept show the district their base lies in. */
export function areaOf(p: StaffProfileRow): ServiceArea {
  return { district: p.district ?? districtOf({ lat: p.baseLat, lng: p.baseLng }).name, radiusKm: p.radiusKm };
}

/** The district's centre as the base; an unknown district: 422 DISTRICT_UNKNOWN. */
export function placeArea(area: ServiceArea): PlacedArea {
  const district = findDistrict(area.district);
  if (!district) throw new DomainError('DISTRICT_UNKNOWN', { district: area.district });
  return { district: district.name, base: { lat: district.lat, lng: district.lng }, radiusKm: area.radiusKm };
}

/** The area to store when this profile asks for `area`. */
export function movedArea(profile: StaffProfileRow, area: ServiceArea): PlacedArea {
  const placed = placeArea(area);
  if (areaOf(profile).district !== placed.district) return placed;
  return { ...placed, base: { lat: profile.baseLat, lng: profile.baseLng } };
}
