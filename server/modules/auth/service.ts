/**
 * Sign-in and sessions. Two ways in: WeChat (code → openid, the real path) and a dev login that
 * exists only while WeChat is not configured. Either way we issue our own random token and keep
 * only its hash; WeChat's session_key stays on the server.
 */
import { DomainError, type Clock, type DemoUser, type SessionResponse, type UserView } from '@domain';
import type { AppConfig } from '../../config';
import type { Db, Queryable } from '../../db';
import type { AuthUser } from '../../types';
import { bookableElders } from '../customers/access';
import { describeDemoUser } from './demo-users';
import * as repo from './repository';
import { hashToken, newSessionToken } from './tokens';
import type { WechatClient } from './wechat-client';

const NEW_WECHAT_CUSTOMER_NAME = '微信用户';

export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly wechat: WechatClient | null,
  ) {}

  get devLoginEnabled(): boolean {
    return this.config.wechat === null;
  }

  async demoUsers(): Promise<DemoUser[]> {
    this.assertDevLogin();
    const rows = await repo.listDemoUsers(this.db);
    const now = this.clock.now();
    return rows.map((row) => describeDemoUser(row, now));
  }

  async devLogin(userId: string): Promise<SessionResponse> {
    this.assertDevLogin();
    return this.db.transaction(async (tx) => {
      const user = await repo.findUser(tx, userId);
      if (!user) throw new DomainError('NOT_FOUND');
      return this.openSession(tx, user, null);
    });
  }

  async wechatLogin(code: string): Promise<SessionResponse> {
    if (!this.wechat) throw new DomainError('WECHAT_UNAVAILABLE', { reason: 'WeChat is not configured' });
    // Outside the transaction: a slow WeChat must not hold a database connection.
    const session = await this.wechat.code2Session(code);
    return this.db.transaction(async (tx) => {
      const user =
        (await repo.findUserByOpenid(tx, session.openid)) ??
        (await repo.createWechatCustomer(tx, session.openid, NEW_WECHAT_CUSTOMER_NAME));
      return this.openSession(tx, user, session.sessionKey);
    });
  }

  async logout(token: string): Promise<void> {
    await repo.deleteSession(this.db, hashToken(token));
  }

  /** The person behind a bearer token; UNAUTHENTICATED / SESSION_EXPIRED otherwise. */
  async authenticate(token: string | undefined): Promise<AuthUser> {
    if (!token) throw new DomainError('UNAUTHENTICATED');
    const row = await repo.findSessionUser(this.db, hashToken(token));
    if (!row) throw new DomainError('UNAUTHENTICATED');
    if (row.expires_at.getTime() <= this.clock.now().getTime()) throw new DomainError('SESSION_EXPIRED');
    return { id: row.id, role: row.role, name: row.name };
  }

  async me(user: AuthUser): Promise<UserView> {
    return this.db.transaction((tx) => this.userView(tx, user));
  }

  private async userView(q: Queryable, user: AuthUser): Promise<UserView> {
    const view: UserView = { id: user.id, role: user.role, name: user.name, bookFor: [] };
    if (user.role === 'customer') view.bookFor = await bookableElders(q, user);
    if (user.role === 'staff') {
      const staffNo = await repo.findStaffNo(q, user.id);
      if (staffNo) view.staffNo = staffNo;
    }
    return view;
  }

  /** A new session for this account (sign-in, or joining through a staff invitation). */
  async openSession(q: Queryable, user: repo.UserRow, wechatSessionKey: string | null): Promise<SessionResponse> {
    const token = newSessionToken();
    const now = this.clock.now();
    await repo.insertSession(q, {
      tokenHash: hashToken(token),
      userId: user.id,
      wechatSessionKey,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.config.sessionTtlHours * 3_600_000),
    });
    return { token, user: await this.userView(q, user) };
  }

  private assertDevLogin(): void {
    if (!this.devLoginEnabled) throw new DomainError('DEV_LOGIN_DISABLED');
  }
}
