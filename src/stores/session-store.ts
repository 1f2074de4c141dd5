import { makeAutoObservable, runInAction } from 'mobx';
import type { DemoUser, UserView } from '@domain/schemas';
import { ApiError, messageOf } from '@/api/api-error';
import type { CustomerApi } from '@/api/client';
import type { TokenStore, WechatCodeSource } from './ports';

export type SessionStatus = 'unknown' | 'restoring' | 'signedOut' | 'signedIn' | 'error';
/** disabled = the server only accepts WeChat login (production). */
export type DemoState = 'idle' | 'loading' | 'ready' | 'disabled' | 'error';

export interface SessionDeps {
  api: CustomerApi;
  tokens: TokenStore;
  wechatCode: WechatCodeSource;
}

/** Who is signed in: restore on launch, sign in (demo or WeChat), sign out, expire. */
export class SessionStore {
  status: SessionStatus = 'unknown';
  user: UserView | null = null;
  /** Chinese message for the last failure (restore or sign-in). */
  error: string | null = null;
  signingIn = false;
  demoState: DemoState = 'idle';
  demoUsers: DemoUser[] = [];
  demoError: string | null = null;

  constructor(private readonly deps: SessionDeps) {
    makeAutoObservable<SessionStore, 'deps'>(this, { deps: false }, { autoBind: true });
  }

  get isStaff(): boolean {
    return this.user?.role === 'staff';
  }

  /** An elder booking for themselves has only themselves to book for: no need to ask whom. */
  get booksOnlyForSelf(): boolean {
    const u = this.user;
    return !!u && u.bookFor.length === 1 && u.bookFor[0].id === u.id;
  }

  /** On launch: a saved token is checked with /api/me. A network failure keeps the token. */
  async restore(): Promise<void> {
    if (!this.deps.tokens.get()) {
      this.status = 'signedOut';
      return;
    }
    this.status = 'restoring';
    this.error = null;
    try {
      const user = await this.deps.api.me();
      runInAction(() => {
        this.user = user;
        this.status = 'signedIn';
      });
    } catch (err) {
      runInAction(() => {
        if (err instanceof ApiError && err.isUnauthenticated) {
          this.deps.tokens.clear();
          this.user = null;
          this.status = 'signedOut';
        } else {
          this.status = 'error';
          this.error = messageOf(err);
        }
      });
    }
  }

  async loadDemoUsers(): Promise<void> {
    this.demoState = 'loading';
    this.demoError = null;
    try {
      const users = await this.deps.api.demoUsers();
      runInAction(() => {
        this.demoUsers = users;
        this.demoState = 'ready';
      });
    } catch (err) {
      runInAction(() => {
        if (err instanceof ApiError && err.code === 'DEV_LOGIN_DISABLED') {
          this.demoState = 'disabled';
        } else {
          this.demoState = 'error';
          this.demoError = messageOf(err);
        }
      });
    }
  }

  signInAs(userId: string): Promise<boolean> {
    return this.signIn(() => this.deps.api.devLogin(userId));
  }

  signInWithWechat(): Promise<boolean> {
    return this.signIn(async () => {
      let code: string;
      try {
        code = await this.deps.wechatCode();
      } catch {
        throw new ApiError('WECHAT_UNAVAILABLE', '没有拿到微信的登录信息，请稍等一下再点“微信一键登录”。', 0);
      }
      return this.deps.api.wechatLogin(code);
    });
  }

  private async signIn(login: () => Promise<{ token: string; user: UserView }>): Promise<boolean> {
    if (this.signingIn) return false;
    this.signingIn = true;
    this.error = null;
    try {
      const session = await login();
      this.deps.tokens.set(session.token);
      runInAction(() => {
        this.user = session.user;
        this.status = 'signedIn';
      });
      return true;
    } catch (err) {
      runInAction(() => {
        this.error = messageOf(err);
      });
      return false;
    } finally {
      runInAction(() => {
        this.signingIn = false;
      });
    }
  }

  /** Signs out here even when the server cannot be reached: the token is forgotten locally. */
  async logout(): Promise<void> {
    try {
      await this.deps.api.logout();
    } catch {
      // The server session ends on its own; the person asked to leave, so leave.
    }
    runInAction(() => this.clear(null));
  }

  /** The server said the session is gone (401 on any call). */
  expire(message: string): void {
    this.clear(message);
  }

  private clear(message: string | null): void {
    this.deps.tokens.clear();
    this.user = null;
    this.status = 'signedOut';
    this.error = message;
  }
}
