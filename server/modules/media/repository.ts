import type { Queryable } from '../../db';

export async function findStaffByPhoto(q: Queryable, file: string): Promise<{ name: string; staffNo: string } | null> {
  const r = await q.query<{ name: string; staffNo: string }>(
    `select u.name, sp.staff_no as "staffNo" from staff_profiles sp join users u on u.id = sp.user_id where sp.photo_path = $1`,
    [file],
  );
  return r.rows[0] ?? null;
}
