/** SQL for the customer's matching preferences (columns on users, read by the matching engine). */
import type { Preferences } from '@domain';
import type { Queryable } from '../../db';

export async function readPreferences(q: Queryable, userId: string): Promise<Preferences> {
  const r = await q.query<Preferences>(
    `select dialect, preferred_staff_gender as "preferredStaffGender" from users where id = $1`,
    [userId],
  );
  return r.rows[0] ?? { dialect: null, preferredStaffGender: null };
}

export async function writePreferences(q: Queryable, userId: string, p: Preferences): Promise<Preferences> {
  const r = await q.query<Preferences>(
    `update users set dialect = $2, preferred_staff_gender = $3 where id = $1
     returning dialect, preferred_staff_gender as "preferredStaffGender"`,
    [userId, p.dialect, p.preferredStaffGender],
  );
  return r.rows[0];
}
