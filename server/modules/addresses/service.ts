import { DomainError, findDistrict, type Address, type CreateAddressBody, type GeoPoint } from '@domain';
import type { Db, Queryable } from '../../db';
import type { AuthUser } from '../../types';
import { actingRoleFor } from '../customers/access';
import * as repo from './repository';

/** An address the customer may use: the elder's own, or a consenting elder's. Else ADDRESS_NOT_FOUND. */
export async function usableAddress(q: Queryable, actor: AuthUser, addressId: string): Promise<Address> {
  const address = await repo.findById(q, addressId);
  if (!address) throw new DomainError('ADDRESS_NOT_FOUND');
  try {
    await actingRoleFor(q, actor.id, address.elderId);
  } catch {
    // Someone else's address: answer as if it did not exist, so ids cannot be probed.
    throw new DomainError('ADDRESS_NOT_FOUND');
  }
  return address;
}

/** Roughly Shanghai's extent: a map pick outside it is a mistake or outside our service area. */
const SERVICE_AREA = { minLat: 30.6, maxLat: 31.9, minLng: 120.8, maxLng: 122.2 };

function placeOf(body: CreateAddressBody): GeoPoint {
  const district = findDistrict(body.district);
  if (!district) throw new DomainError('DISTRICT_UNKNOWN');
  if (body.lat === undefined && body.lng === undefined) return district;
  if (body.lat === undefined || body.lng === undefined) throw new DomainError('VALIDATION_FAILED', { fields: ['lat', 'lng'] });
  const inside = body.lat >= SERVICE_AREA.minLat && body.lat <= SERVICE_AREA.maxLat && body.lng >= SERVICE_AREA.minLng && body.lng <= SERVICE_AREA.maxLng;
  if (!inside) throw new DomainError('ADDRESS_OUTSIDE_AREA');
  return { lat: body.lat, lng: body.lng };
}

export class AddressService {
  constructor(private readonly db: Db) {}

  async list(actor: AuthUser, elderId = actor.id): Promise<Address[]> {
    return this.db.transaction(async (tx) => {
      await actingRoleFor(tx, actor.id, elderId);
      return repo.listForElder(tx, elderId);
    });
  }

  /** Saves a typed address (placed at its district's centre) or one picked on the map. */
  async create(actor: AuthUser, body: CreateAddressBody): Promise<Address> {
    const place = placeOf(body);
    return this.db.transaction(async (tx) => {
      const elderId = body.elderId ?? actor.id;
      await actingRoleFor(tx, actor.id, elderId);
      return repo.insert(tx, { elderId, label: body.label, text: body.text.trim(), district: body.district, lat: place.lat, lng: place.lng });
    });
  }
}
