/** SQL for who may act for whom: an elder for themselves, a family member with unrevoked consent. */
import type { Queryable } from '../../db';

export interface ElderRef {
  id: string;
  name: string;
}

/** Elders who consented (and have not revoked) to this family member acting for them. */
export async function consentingElders(q: Queryable, familyUserId: string): Promise<ElderRef[]> {
  const r = await q.query<ElderRef>(
    `select u.id, u.name
       from family_links l join users u on u.id = l.elder_user_id
      where l.family_user_id = $1 and l.consented_at is not null and l.revoked_at is null
      order by l.consented_at, u.name`,
    [familyUserId],
  );
  return r.rows;
}

export async function hasConsent(q: Queryable, familyUserId: string, elderId: string): Promise<boolean> {
  const r = await q.query(
    `select 1 from family_links
      where family_user_id = $1 and elder_user_id = $2 and consented_at is not null and revoked_at is null`,
    [familyUserId, elderId],
  );
  return r.rows.length > 0;
}

/** A customer can be visited (and so book for themselves) once they have a saved address. */
export async function hasSavedAddress(q: Queryable, userId: string): Promise<boolean> {
  const r = await q.query('select 1 from addresses where elder_id = $1 limit 1', [userId]);
  return r.rows.length > 0;
}
