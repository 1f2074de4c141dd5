import type { Address } from '@domain';
import type { Queryable } from '../../db';

const COLUMNS = 'id, elder_id as "elderId", label, text, district, lat, lng';

export async function listForElder(q: Queryable, elderId: string): Promise<Address[]> {
  const r = await q.query<Address>(`select ${COLUMNS} from addresses where elder_id = $1 order by created_at, label`, [elderId]);
  return r.rows;
}

/** The address only if it belongs to this elder (no peeking at other people's addresses). */
export async function findForElder(q: Queryable, addressId: string, elderId: string): Promise<Address | null> {
  const r = await q.query<Address>(`select ${COLUMNS} from addresses where id = $1 and elder_id = $2`, [addressId, elderId]);
  return r.rows[0] ?? null;
}

/** The address and its owner, for callers that then check they may act for that owner. */
export async function findById(q: Queryable, addressId: string): Promise<Address | null> {
  const r = await q.query<Address>(`select ${COLUMNS} from addresses where id = $1`, [addressId]);
  return r.rows[0] ?? null;
}

export async function insert(q: Queryable, a: Omit<Address, 'id'>): Promise<Address> {
  const r = await q.query<Address>(
    `insert into addresses (elder_id, label, text, district, lat, lng) values ($1, $2, $3, $4, $5, $6) returning ${COLUMNS}`,
    [a.elderId, a.label, a.text, a.district, a.lat, a.lng],
  );
  return r.rows[0];
}
