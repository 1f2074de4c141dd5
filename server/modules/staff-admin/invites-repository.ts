/** SQL for staff invitations (only the sha256 of each token is stored). */
import type { Queryable } from '../../db';

export interface StaffInviteRow {
  id: string;
  staffId: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

const INVITE_COLUMNS = `id, staff_id as "staffId", created_at as "createdAt", expires_at as "expiresAt",
  used_at as "usedAt", revoked_at as "revokedAt"`;

/** A newer invitation replaces the unused ones: their links stop working. */
export async function revokeOpenInvites(q: Queryable, staffId: string, at: Date): Promise<void> {
  await q.query(
    'update staff_invites set revoked_at = $2::timestamptz where staff_id = $1 and used_at is null and revoked_at is null',
    [staffId, at.toISOString()],
  );
}

export async function insertInvite(q: Queryable, i: { tokenHash: string; staffId: string; createdBy: string; at: Date; expiresAt: Date }): Promise<void> {
  await q.query(
    `insert into staff_invites (token_hash, staff_id, created_by, created_at, expires_at)
     values ($1, $2, $3, $4::timestamptz, $5::timestamptz)`,
    [i.tokenHash, i.staffId, i.createdBy, i.at.toISOString(), i.expiresAt.toISOString()],
  );
}

export async function findInvite(q: Queryable, tokenHash: string, opts: { lock?: boolean } = {}): Promise<StaffInviteRow | null> {
  const r = await q.query<StaffInviteRow>(`select ${INVITE_COLUMNS} from staff_invites where token_hash = $1 ${opts.lock ? 'for update' : ''}`, [tokenHash]);
  return r.rows[0] ?? null;
}

export async function markInviteUsed(q: Queryable, inviteId: string, at: Date): Promise<void> {
  await q.query('update staff_invites set used_at = $2::timestamptz where id = $1', [inviteId, at.toISOString()]);
}
