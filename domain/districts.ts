/**
 * Shanghai's 16 districts, to tap when an address is typed. A typed address is placed at its
 * district's centre (no geocoding): close enough to know which staff serve the area; the staff
 * member finds the door from the text.
 */
import { distanceKm, type GeoPoint } from './geo';

export interface District extends GeoPoint {
  name: string;
}

export const SHANGHAI_DISTRICTS: readonly District[] = [
  { name: '黄浦区', lat: 31.2317, lng: 121.4846 },
  { name: '徐汇区', lat: 31.1885, lng: 121.4365 },
  { name: '长宁区', lat: 31.2204, lng: 121.4241 },
  { name: '静安区', lat: 31.2290, lng: 121.4478 },
  { name: '普陀区', lat: 31.2495, lng: 121.3972 },
  { name: '虹口区', lat: 31.2646, lng: 121.5050 },
  { name: '杨浦区', lat: 31.2595, lng: 121.5259 },
  { name: '浦东新区', lat: 31.2213, lng: 121.5442 },
  { name: '闵行区', lat: 31.1127, lng: 121.3818 },
  { name: '宝山区', lat: 31.4049, lng: 121.4896 },
  { name: '嘉定区', lat: 31.3747, lng: 121.2655 },
  { name: '金山区', lat: 30.7416, lng: 121.3417 },
  { name: '松江区', lat: 31.0324, lng: 121.2277 },
  { name: '青浦区', lat: 31.1510, lng: 121.1241 },
  { name: '奉贤区', lat: 30.9178, lng: 121.4743 },
  { name: '崇明区', lat: 31.6229, lng: 121.3972 },
];

export function findDistrict(name: string): District | null {
  return SHANGHAI_DISTRICTS.find((d) => d.name === name) ?? null;
}

/** The district a map point is in: named in the map's address text, else the nearest centre. */
export function districtOf(point: GeoPoint, addressText = ''): District {
  const named = SHANGHAI_DISTRICTS.find((d) => addressText.includes(d.name));
  if (named) return named;
  return [...SHANGHAI_DISTRICTS].sort((a, b) => distanceKm(a, point) - distanceKm(b, point))[0];
}
