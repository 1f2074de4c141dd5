/** SQL for family invitations and links. Who may act for whom is in ../customers/access.ts. */
import { TERMINAL_STATUSES, type ClaimType, type FamilyRelation, type ServiceType, type VisitStatus } from '@domain';
import type { Queryable } from '../../db';

export interface InviteRow {
  id: string;
  familyUserId: string;
  familyName: string;
  relation: FamilyRelation;
  createdAt: Date;
  expiresAt: Date;
  answeredBy: string | null;
  outcome: 'consented' | 'declined' | null;
  linkId: string | null;
}

export interface LinkRow {
  id: string;
  familyUserId: string;
  familyName: string;
  elderUserId: string;
  elderName: string;
  relation: string | null;
  consentedAt: Date | null;
  revokedAt: Date | null;
}

export interface NextVisitRow {
  elderId: string;
  id: string;
  status: VisitStatus;
  serviceType: ServiceType;
  claimType: ClaimType | null;
  slotStart: Date;
  slotEnd: Date;
}

export interface FollowerRow {
  id: string;
  name: string;
  relation: string | null;
}

const INVITE_COLUMNS = `i.id, i.family_user_id as "familyUserId", u.name as "familyName", i.relation,
  i.created_at as "createdAt", i.expires_at as "expiresAt", i.answered_by as "answeredBy", i.outcome, i.link_id as "linkId"`;

const LINK_COLUMNS = `l.id, l.family_user_id as "familyUserId", f.name as "familyName", l.elder_user_id as "elderUserId",
  e.name as "elderName", l.relation, l.consented_at as "consentedAt", l.revoked_at as "revokedAt"`;

const LINK_FROM = 'family_links l join users f on f.id = l.family_user_id join users e on e.id = l.elder_user_id';

export async function countInvitesSince(q: Queryable, familyUserId: string, since: Date): Promise<number> {
  const r = await q.query<{ n: number }>('select count(*)::int as n from family_invites where family_user_id = $1 and created_at > $2::timestamptz', [
    familyUserId,
    since.toISOString(),
  ]);
  return r.rows[0].n;
}

export async function insertInvite(
  q: Queryable,
  i: { tokenHash: string; familyUserId: string; relation: FamilyRelation; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await q.query(
    `insert into family_invites (token_hash, family_user_id, relation, created_at, expires_at)
     values ($1, $2, $3, $4::timestamptz, $5::timestamptz)`,
    [i.tokenHash, i.familyUserId, i.relation, i.createdAt.toISOString(), i.expiresAt.toISOString()],
  );
}

/** The invitation behind a token hash; `forUpdate` locks it so two answers cannot both win. */
export async function findInvite(q: Queryable, tokenHash: string, forUpdate = false): Promise<InviteRow | null> {
  const r = await q.query<InviteRow>(
    `select ${INVITE_COLUMNS} from family_invites i join users u on u.id = i.family_user_id
      where i.token_hash = $1 ${forUpdate ? 'for update of i' : ''}`,
    [tokenHash],
  );
  return r.rows[0] ?? null;
}

export async function answerInvite(
  q: Queryable,
  a: { inviteId: string; elderId: string; outcome: 'consented' | 'declined'; linkId: string | null; at: Date },
): Promise<void> {
  await q.query(
    `update family_invites set answered_by = $2, answered_at = $3::timestamptz, outcome = $4, link_id = $5
      where id = $1 and outcome is null`,
    [a.inviteId, a.elderId, a.at.toISOString(), a.outcome, a.linkId],
  );
}

/**
 * Records consent for the pair. An open link (at most one per pair, by a unique index) keeps its
 * row and gains consent if it had none; otherwise a new link is made.
 */
export async function consentLink(q: Queryable, l: { familyUserId: string; elderUserId: string; relation: string; at: Date }): Promise<string> {
  const r = await q.query<{ id: string }>(
    `insert into family_links (family_user_id, elder_user_id, relation, consented_at, created_at)
     values ($1, $2, $3, $4::timestamptz, $4::timestamptz)
     on conflict (family_user_id, elder_user_id) where revoked_at is null
     do update set consented_at = coalesce(family_links.consented_at, excluded.consented_at),
                   relation = coalesce(family_links.relation, excluded.relation)
     returning id`,
    [l.familyUserId, l.elderUserId, l.relation, l.at.toISOString()],
  );
  return r.rows[0].id;
}

export async function findLink(q: Queryable, id: string, forUpdate = false): Promise<LinkRow | null> {
  const r = await q.query<LinkRow>(`select ${LINK_COLUMNS} from ${LINK_FROM} where l.id = $1 ${forUpdate ? 'for update of l' : ''}`, [id]);
  return r.rows[0] ?? null;
}

export async function revokeLink(q: Queryable, id: string, by: string, at: Date): Promise<void> {
  // greatest(): a revocation can never predate the consent (a CHECK in 001 insists).
  await q.query(
    `update family_links set revoked_at = greatest($3::timestamptz, coalesce(consented_at, $3::timestamptz)), revoked_by = $2
      where id = $1 and revoked_at is null`,
    [id, by, at.toISOString()],
  );
}

/** Consenting links where this person is the family member (the elders they follow). */
export async function linksAsFamily(q: Queryable, familyUserId: string): Promise<LinkRow[]> {
  const r = await q.query<LinkRow>(
    `select ${LINK_COLUMNS} from ${LINK_FROM}
      where l.family_user_id = $1 and l.consented_at is not null and l.revoked_at is null
      order by l.consented_at, e.name`,
    [familyUserId],
  );
  return r.rows;
}

/** Consenting links where this person is the elder (the family members acting for them). */
export async function linksAsElder(q: Queryable, elderUserId: string): Promise<LinkRow[]> {
  const r = await q.query<LinkRow>(
    `select ${LINK_COLUMNS} from ${LINK_FROM}
      where l.elder_user_id = $1 and l.consented_at is not null and l.revoked_at is null
      order by l.consented_at, f.name`,
    [elderUserId],
  );
  return r.rows;
}

/**
 * Who follows this elder: every family member whose consent stands. Notifications (issue 6) send
 * each status change to these people as well as to the elder.
 */
export async function followersOf(q: Queryable, elderId: string): Promise<FollowerRow[]> {
  const r = await q.query<FollowerRow>(
    `select f.id, f.name, l.relation
       from family_links l join users f on f.id = l.family_user_id
      where l.elder_user_id = $1 and l.consented_at is not null and l.revoked_at is null
      order by l.consented_at, f.name`,
    [elderId],
  );
  return r.rows;
}

/** Invitations sent recently that did not become links: still open, or declined. */
export async function pendingInvites(q: Queryable, familyUserId: string, now: Date): Promise<InviteRow[]> {
  const r = await q.query<InviteRow>(
    `select ${INVITE_COLUMNS} from family_invites i join users u on u.id = i.family_user_id
      where i.family_user_id = $1 and i.expires_at > $2::timestamptz and (i.outcome is null or i.outcome = 'declined')
      order by i.created_at desc limit 10`,
    [familyUserId, now.toISOString()],
  );
  return r.rows;
}

/** Each elder's next visit still to come (not finished, not cancelled), in one query. */
export async function nextVisits(q: Queryable, elderIds: readonly string[], now: Date): Promise<Map<string, NextVisitRow>> {
  if (elderIds.length === 0) return new Map();
  const r = await q.query<NextVisitRow>(
    `select distinct on (b.elder_id) b.elder_id as "elderId", b.id, b.status, b.service_type as "serviceType",
            b.claim_type as "claimType", b.slot_start as "slotStart", b.slot_end as "slotEnd"
       from bookings b
      where b.elder_id = any($1::uuid[]) and b.slot_end > $2::timestamptz and not (b.status = any($3::text[]))
      order by b.elder_id, b.slot_start`,
    [elderIds, now.toISOString(), TERMINAL_STATUSES],
  );
  return new Map(r.rows.map((v) => [v.elderId, v]));
}
