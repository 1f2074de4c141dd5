import { DomainError, type Address } from '@domain';
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

export class AddressService {
  constructor(private readonly db: Db) {}

  async list(actor: AuthUser, elderId = actor.id): Promise<Address[]> {
    return this.db.transaction(async (tx) => {
      await actingRoleFor(tx, actor.id, elderId);
      return repo.listForElder(tx, elderId);
    });
  }
}
