/**
 * Staff invitations: a dispatcher makes one for a staff number; the person opens the link on their
 * work phone and joins. 256 random bits, only the sha256 kept, single use, 7 days; a newer one
 * makes the older unused ones stop working.
 */
import { DomainError, type StaffInvitation } from '@domain';
import type { Queryable } from '../../db';
import { hashToken, newSessionToken } from '../auth/tokens';
import { findInvite, insertInvite, revokeOpenInvites, type StaffInviteRow } from './invites-repository';

export const STAFF_INVITE_TTL_DAYS = 7;
/** The mini-program page that opens the invitation (the staff sub-package's join page). */
export const STAFF_JOIN_PAGE_PATH = '/staff/pages/join/index';
const DAY_MS = 86_400_000;

/** A fresh invitation for this staff member, shown once; earlier unused ones are revoked. */
export async function issueStaffInvitation(q: Queryable, staffId: string, createdBy: string, now: Date): Promise<StaffInvitation> {
  await revokeOpenInvites(q, staffId, now);
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + STAFF_INVITE_TTL_DAYS * DAY_MS);
  await insertInvite(q, { tokenHash: hashToken(token), staffId, createdBy, at: now, expiresAt });
  return { token, expiresAt: expiresAt.toISOString(), sharePath: `${STAFF_JOIN_PAGE_PATH}?token=${token}` };
}

/**
 * The invitation behind a token while it can still be used; else STAFF_INVITE_NOT_FOUND (unknown,
 * or replaced by a newer one), STAFF_INVITE_USED, STAFF_INVITE_EXPIRED.
 */
export async function usableStaffInvite(q: Queryable, token: string, now: Date, opts: { lock?: boolean } = {}): Promise<StaffInviteRow> {
  const invite = await findInvite(q, hashToken(token), opts);
  if (!invite || invite.revokedAt) throw new DomainError('STAFF_INVITE_NOT_FOUND');
  if (invite.usedAt) throw new DomainError('STAFF_INVITE_USED');
  if (new Date(invite.expiresAt).getTime() <= now.getTime()) throw new DomainError('STAFF_INVITE_EXPIRED');
  return invite;
}
