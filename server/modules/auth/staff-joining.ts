/**
 * Joining as staff through a dispatcher's invitation: the link shows whose account it is; opening
 * it signs the person in as that account. With WeChat configured the wx.login code is exchanged
 * and this WeChat is bound to the account (one WeChat, one account); without WeChat (local runs)
 * the session opens directly. The invitation is used once; the profile is joined from then on.
 */
import { DomainError, type Clock, type SessionResponse, type StaffInviteAcceptBody, type StaffInvitePreview } from '@domain';
import { transactionWithRetry, type Db, type Queryable } from '../../db';
import { markInviteUsed } from '../staff-admin/invites-repository';
import { usableStaffInvite } from '../staff-admin/invitations';
import { findProfile, markJoined } from '../staff-admin/repository';
import * as repo from './repository';
import type { AuthService } from './service';
import type { WechatClient, WechatSession } from './wechat-client';

export class StaffJoining {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly wechat: WechatClient | null,
    private readonly auth: AuthService,
  ) {}

  async preview(token: string): Promise<StaffInvitePreview> {
    return this.db.transaction(async (tx) => {
      const invite = await usableStaffInvite(tx, token, this.clock.now());
      const profile = await findProfile(tx, invite.staffId);
      if (!profile) throw new DomainError('STAFF_INVITE_NOT_FOUND');
      return { name: profile.name, staffNo: profile.staffNo, expiresAt: new Date(invite.expiresAt).toISOString() };
    });
  }

  async accept(body: StaffInviteAcceptBody): Promise<SessionResponse> {
    // A dead link is refused before WeChat is asked, so it costs the person no login code.
    await this.db.transaction((tx) => usableStaffInvite(tx, body.token, this.clock.now()));
    const wechatSession = await this.exchangeCode(body.code);
    return transactionWithRetry(this.db, async (tx) => {
      const now = this.clock.now();
      const invite = await usableStaffInvite(tx, body.token, now, { lock: true });
      if (wechatSession) await this.bindWechat(tx, invite.staffId, wechatSession.openid);
      await markInviteUsed(tx, invite.id, now);
      await markJoined(tx, invite.staffId, now);
      const user = await repo.findUser(tx, invite.staffId);
      if (!user) throw new DomainError('STAFF_INVITE_NOT_FOUND');
      return this.auth.openSession(tx, user, wechatSession?.sessionKey ?? null);
    });
  }

  /** Outside any transaction: a slow WeChat must not hold a database connection. */
  private async exchangeCode(code: string | undefined): Promise<WechatSession | null> {
    if (!this.wechat) return null;
    if (!code) throw new DomainError('VALIDATION_FAILED', { fields: ['code'] });
    return this.wechat.code2Session(code);
  }

  /** A WeChat already signing in to another account stays there: 409 WECHAT_ALREADY_BOUND, nothing changes. */
  private async bindWechat(tx: Queryable, staffId: string, openid: string): Promise<void> {
    const owner = await repo.findUserByOpenid(tx, openid);
    if (owner && owner.id !== staffId) throw new DomainError('WECHAT_ALREADY_BOUND');
    if (!owner) await repo.bindOpenid(tx, staffId, openid);
  }
}
