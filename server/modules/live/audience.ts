/**
 * Who may hear a change, decided on the server for every push with the rules of the REST views
 * (OWASP API1), never from a list the app asked for:
 *   - the elder, and every family member whose consent stands (revoked: nothing more, from the
 *     next change on), as GET /api/bookings/:id;
 *   - the staff member holding the visit, and the one it was just taken from (that change only),
 *     as the staff board;
 *   - dispatchers, who see every visit;
 *   - the arrival estimate: the elder and family only (the customer's view; a dispatcher's view
 *     has none, and the staff member is the one moving).
 */
import type { AccountRole } from '@domain';
import type { Queryable } from '../../db';
import { followersOf } from '../family/repository';
import type { LiveEvent } from './events';

export interface Listener {
  id: string;
  role: AccountRole;
}

export type Audience = (listener: Listener) => boolean;

/**
 * The rule for one change. The consenting family is read once per change (one query, whatever the
 * number of listeners), and only when a customer other than the elder is listening here.
 */
export async function audienceOf(q: Queryable, event: LiveEvent, listeners: readonly Listener[]): Promise<Audience> {
  const askFamily = listeners.some((l) => l.role === 'customer' && l.id !== event.elderId);
  const family = askFamily ? new Set((await followersOf(q, event.elderId)).map((f) => f.id)) : new Set<string>();
  const customerSide = (l: Listener) => l.role === 'customer' && (l.id === event.elderId || family.has(l.id));
  if (event.kind === 'eta') return customerSide;
  return (l) => {
    if (l.role === 'dispatcher') return true;
    if (l.role === 'staff') return event.staffIds.includes(l.id);
    return customerSide(l);
  };
}
