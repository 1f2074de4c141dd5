/** SQL for accounts and sessions. */
import type { AccountRole } from '@domain';
import type { Queryable } from '../../db';

export interface UserRow {
  id: string;
  role: AccountRole;
  name: string;
}

export interface SessionUserRow extends UserRow {
  expires_at: Date;
}

export async function findUser(q: Queryable, id: string): Promise<UserRow | null> {
  const r = await q.query<UserRow>('select id, role, name from users where id = $1', [id]);
  return r.rows[0] ?? null;
}

export async function findUserByOpenid(q: Queryable, openid: string): Promise<UserRow | null> {
  const r = await q.query<UserRow>('select id, role, name from users where wechat_openid = $1', [openid]);
  return r.rows[0] ?? null;
}

/** A first WeChat sign-in becomes a customer account; on a race the existing row wins. */
export async function createWechatCustomer(q: Queryable, openid: string, name: string): Promise<UserRow> {
  await q.query(
    `insert into users (role, name, wechat_openid) values ('customer', $1, $2)
     on conflict (wechat_openid) do nothing`,
    [name, openid],
  );
  const user = await findUserByOpenid(q, openid);
  if (!user) throw new Error('WeChat customer vanished right after creation');
  return user;
}

/** Binds this WeChat (openid) to the account; the unique index refuses one WeChat for two accounts. */
export async function bindOpenid(q: Queryable, userId: string, openid: string): Promise<void> {
  await q.query('update users set wechat_openid = $2 where id = $1', [userId, openid]);
}

export async function insertSession(
  q: Queryable,
  s: { tokenHash: string; userId: string; wechatSessionKey: string | null; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await q.query(
    `insert into sessions (token_hash, user_id, wechat_session_key, created_at, expires_at)
     values ($1, $2, $3, $4::timestamptz, $5::timestamptz)`,
    [s.tokenHash, s.userId, s.wechatSessionKey, s.createdAt.toISOString(), s.expiresAt.toISOString()],
  );
}

export async function findSessionUser(q: Queryable, tokenHash: string): Promise<SessionUserRow | null> {
  const r = await q.query<SessionUserRow>(
    `select u.id, u.role, u.name, s.expires_at
       from sessions s join users u on u.id = s.user_id
      where s.token_hash = $1`,
    [tokenHash],
  );
  return r.rows[0] ?? null;
}

export async function deleteSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query('delete from sessions where token_hash = $1', [tokenHash]);
}

export async function findStaffNo(q: Queryable, userId: string): Promise<string | null> {
  const r = await q.query<{ staff_no: string }>('select staff_no from staff_profiles where user_id = $1', [userId]);
  return r.rows[0]?.staff_no ?? null;
}

export interface DemoUserRow extends UserRow {
  gender: 'male' | 'female' | null;
  birth_year: number | null;
  district: string | null;
  staff_no: string | null;
  skills: string[] | null;
  elders: string[] | null;
}

/** Customers, staff who joined (not those still to open their invitation) and dispatchers, with what their description needs. */
export async function listDemoUsers(q: Queryable): Promise<DemoUserRow[]> {
  const r = await q.query<DemoUserRow>(
    `select u.id, u.role, u.name, u.gender, u.birth_year,
            (select a.district from addresses a where a.elder_id = u.id order by a.created_at limit 1) as district,
            sp.staff_no, sp.skills,
            (select array_agg(e.name order by e.name) from family_links l join users e on e.id = l.elder_user_id
              where l.family_user_id = u.id and l.consented_at is not null and l.revoked_at is null) as elders
       from users u left join staff_profiles sp on sp.user_id = u.id
      where u.role in ('customer', 'dispatcher') or (u.role = 'staff' and sp.joined_at is not null)
      order by case u.role when 'customer' then 0 when 'staff' then 1 else 2 end, sp.staff_no nulls first, u.created_at, u.name`,
  );
  return r.rows;
}
