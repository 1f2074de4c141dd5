/**
 * Joining as a staff member through the dispatcher's invitation: see whose account it is (name,
 * 工号), then one tap signs in on this phone (inside WeChat with a wx.login code, which binds this
 * WeChat to the account). Refusals (expired, used, WeChat already bound) come with the server's
 * Chinese message saying what to do.
 */
import { makeAutoObservable, runInAction } from 'mobx';
import type { SessionResponse } from '@domain/schemas';
import type { StaffInvitePreview } from '@domain/schemas-staff';
import { ApiError, messageOf } from '@/api/api-error';
import type { StaffApi } from '@/api/staff-api';
import type { LoadState } from './load-state';
import type { WechatCodeSource } from './ports';

export class StaffJoinStore {
  token: string | null = null;
  preview: StaffInvitePreview | null = null;
  state: LoadState = 'idle';
  error: string | null = null;
  errorCode: string | null = null;
  joining = false;
  joined = false;

  constructor(
    private readonly api: StaffApi,
    private readonly wechatCode: WechatCodeSource,
    /** Signs the person in with the session the invitation gave. */
    private readonly onSignedIn: (session: SessionResponse) => void,
  ) {
    makeAutoObservable<StaffJoinStore, 'api' | 'wechatCode' | 'onSignedIn'>(this, { api: false, wechatCode: false, onSignedIn: false }, { autoBind: true });
  }

  async open(token: string): Promise<void> {
    if (token === this.token && this.state !== 'error') return;
    this.token = token;
    this.preview = null;
    this.joined = false;
    this.state = 'loading';
    this.error = null;
    this.errorCode = null;
    try {
      const preview = await this.api.previewStaffInvite(token);
      runInAction(() => {
        if (token !== this.token) return;
        this.preview = preview;
        this.state = 'ready';
      });
    } catch (err) {
      runInAction(() => {
        if (token !== this.token) return;
        this.fail(err);
        this.state = 'error';
      });
    }
  }

  async join(): Promise<boolean> {
    const token = this.token;
    if (!token || this.joining) return false;
    this.joining = true;
    this.error = null;
    this.errorCode = null;
    // Outside WeChat (the browser) there is no code: the server signs in without binding a WeChat.
    const code = await this.wechatCode().catch(() => undefined);
    try {
      const session = await this.api.acceptStaffInvite(code ? { token, code } : { token });
      this.onSignedIn(session);
      runInAction(() => (this.joined = true));
      return true;
    } catch (err) {
      runInAction(() => this.fail(err));
      return false;
    } finally {
      runInAction(() => (this.joining = false));
    }
  }

  reset(): void {
    this.token = null;
    this.preview = null;
    this.state = 'idle';
    this.error = null;
    this.errorCode = null;
    this.joining = false;
    this.joined = false;
  }

  private fail(err: unknown): void {
    this.error = messageOf(err);
    this.errorCode = err instanceof ApiError ? err.code : null;
  }
}
