/**
 * Family consent, kept on the server: a family member invites, the elder (signed in as themselves)
 * consents or declines once, and either of them ends the link at any time. Consent is per pair:
 * one elder's consent gives one family member access to that elder only. The moment a link is
 * revoked, access.ts stops that family member's bookings and views.
 */
import {
  CONSENT_PAGE_PATH,
  DomainError,
  FAMILY_PERMISSIONS,
  INVITATION_TTL_DAYS,
  INVITATIONS_PER_DAY,
  STATUS_LABELS,
  type Clock,
  type CreateInvitationBody,
  type FamilyMember,
  type FamilyOverview,
  type FollowedElder,
  type Invitation,
  type InvitationPreview,
} from '@domain';
import type { Db, Queryable } from '../../db';
import type { AuthUser } from '../../types';
import { hashToken, newSessionToken } from '../auth/tokens';
import { bookableElders } from '../customers/access';
import * as repo from './repository';

const DAY_MS = 86_400_000;

export class FamilyService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async invite(actor: AuthUser, body: CreateInvitationBody): Promise<Invitation> {
    return this.db.transaction(async (tx) => {
      const now = this.clock.now();
      // Serialise one person's invitations so the daily cap cannot be raced past.
      await tx.query('select 1 from users where id = $1 for update', [actor.id]);
      if ((await repo.countInvitesSince(tx, actor.id, new Date(now.getTime() - DAY_MS))) >= INVITATIONS_PER_DAY) {
        throw new DomainError('INVITE_LIMIT_REACHED');
      }
      const token = newSessionToken();
      const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * DAY_MS);
      await repo.insertInvite(tx, { tokenHash: hashToken(token), familyUserId: actor.id, relation: body.relation, createdAt: now, expiresAt });
      return { token, relation: body.relation, expiresAt: expiresAt.toISOString(), sharePath: `${CONSENT_PAGE_PATH}?token=${token}` };
    });
  }

  /** What the elder reads before answering; refused exactly as answering would be. */
  async preview(actor: AuthUser, token: string): Promise<InvitationPreview> {
    return this.db.transaction(async (tx) => {
      const invite = await this.answerableInvite(tx, actor, token, false);
      return {
        inviter: { name: invite.familyName },
        relation: invite.relation,
        expiresAt: invite.expiresAt.toISOString(),
        permissions: [...FAMILY_PERMISSIONS],
      };
    });
  }

  /** One tap: consent is recorded. Tapping again (a retry after a lost answer) is not an error. */
  async consent(actor: AuthUser, token: string): Promise<FamilyMember> {
    return this.db.transaction(async (tx) => {
      const invite = await this.answerableInvite(tx, actor, token, true);
      const now = this.clock.now();
      const linkId =
        invite.outcome === 'consented' && invite.linkId
          ? invite.linkId
          : await repo.consentLink(tx, { familyUserId: invite.familyUserId, elderUserId: actor.id, relation: invite.relation, at: now });
      if (invite.outcome === null) await repo.answerInvite(tx, { inviteId: invite.id, elderId: actor.id, outcome: 'consented', linkId, at: now });
      const link = await repo.findLink(tx, linkId);
      if (!link?.consentedAt) throw new Error('consented link vanished');
      return memberView(link);
    });
  }

  async decline(actor: AuthUser, token: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const invite = await this.answerableInvite(tx, actor, token, true);
      if (invite.outcome !== null) throw new DomainError('INVITE_USED');
      await repo.answerInvite(tx, { inviteId: invite.id, elderId: actor.id, outcome: 'declined', linkId: null, at: this.clock.now() });
    });
  }

  /** The elder withdraws consent, or the family member steps back. Anyone else: NOT_FOUND. */
  async revoke(actor: AuthUser, linkId: string): Promise<FamilyOverview> {
    return this.db.transaction(async (tx) => {
      const link = await repo.findLink(tx, linkId, true);
      if (!link || (link.elderUserId !== actor.id && link.familyUserId !== actor.id)) throw new DomainError('NOT_FOUND');
      // Already ended: the person's wish holds; answering with the current state makes a retry safe.
      if (!link.revokedAt) await repo.revokeLink(tx, link.id, actor.id, this.clock.now());
      return this.overviewIn(tx, actor);
    });
  }

  async overview(actor: AuthUser): Promise<FamilyOverview> {
    return this.db.transaction((tx) => this.overviewIn(tx, actor));
  }

  private async overviewIn(tx: Queryable, actor: AuthUser): Promise<FamilyOverview> {
    const now = this.clock.now();
    const following = await repo.linksAsFamily(tx, actor.id);
    const visits = await repo.nextVisits(tx, following.map((l) => l.elderUserId), now);
    return {
      following: following.map((l): FollowedElder => {
        const v = visits.get(l.elderUserId);
        return {
          linkId: l.id,
          elder: { id: l.elderUserId, name: l.elderName },
          relation: l.relation,
          consentedAt: (l.consentedAt as Date).toISOString(),
          nextVisit: v
            ? { id: v.id, status: v.status, statusLabel: STATUS_LABELS[v.status], serviceType: v.serviceType, claimType: v.claimType,
                slotStart: v.slotStart.toISOString(), slotEnd: v.slotEnd.toISOString() }
            : null,
        };
      }),
      followers: (await repo.linksAsElder(tx, actor.id)).map(memberView),
      invitations: (await repo.pendingInvites(tx, actor.id, now)).map((i) => ({
        id: i.id,
        relation: i.relation,
        state: i.outcome === 'declined' ? ('declined' as const) : ('open' as const),
        createdAt: i.createdAt.toISOString(),
        expiresAt: i.expiresAt.toISOString(),
      })),
      bookFor: await bookableElders(tx, actor),
    };
  }

  /**
   * The invitation behind a token if this person may answer it. Its own answerer may see it again
   * (a retried consent); anyone else gets INVITE_USED once it is answered.
   */
  private async answerableInvite(tx: Queryable, actor: AuthUser, token: string, lock: boolean): Promise<repo.InviteRow> {
    if (actor.role !== 'customer') throw new DomainError('INVITE_NOT_FOR_STAFF');
    const invite = await repo.findInvite(tx, hashToken(token), lock);
    if (!invite) throw new DomainError('INVITE_NOT_FOUND');
    if (invite.familyUserId === actor.id) throw new DomainError('INVITE_SELF');
    if (invite.outcome !== null) {
      if (invite.outcome === 'consented' && invite.answeredBy === actor.id && invite.linkId) {
        const link = await repo.findLink(tx, invite.linkId);
        // Once that link is ended, the old invitation cannot bring it back: a new one is needed.
        if (link && !link.revokedAt) return invite;
      }
      throw new DomainError('INVITE_USED');
    }
    if (invite.expiresAt.getTime() <= this.clock.now().getTime()) throw new DomainError('INVITE_EXPIRED');
    return invite;
  }
}

function memberView(l: repo.LinkRow): FamilyMember {
  return {
    linkId: l.id,
    member: { id: l.familyUserId, name: l.familyName },
    relation: l.relation,
    consentedAt: (l.consentedAt as Date).toISOString(),
  };
}
