/**
 * Object-level authorisation for customers (OWASP API1): a customer acts for themselves, or for an
 * elder who recorded consent to them and has not revoked it. Checked on the server, every request.
 */
import { DomainError } from '@domain';
import type { Queryable } from '../../db';
import { consentingElders, hasConsent, hasSavedAddress, type ElderRef } from './repository';

export type CustomerActingRole = 'customer' | 'family';

/** How the signed-in customer acts for this elder; NOT_LINKED_TO_ELDER when they may not. */
export async function actingRoleFor(q: Queryable, actorId: string, elderId: string): Promise<CustomerActingRole> {
  if (elderId === actorId) return 'customer';
  if (await hasConsent(q, actorId, elderId)) return 'family';
  throw new DomainError('NOT_LINKED_TO_ELDER');
}

/** Elders whose bookings this customer may see: themselves and every consenting elder. */
export async function visibleElderIds(q: Queryable, actorId: string): Promise<string[]> {
  const elders = await consentingElders(q, actorId);
  return [actorId, ...elders.map((e) => e.id)];
}

/** Whom this customer may book for, themselves first when they can be visited. */
export async function bookableElders(q: Queryable, actor: ElderRef): Promise<ElderRef[]> {
  const self = (await hasSavedAddress(q, actor.id)) ? [{ id: actor.id, name: actor.name }] : [];
  return [...self, ...(await consentingElders(q, actor.id))];
}
