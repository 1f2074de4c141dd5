import { makeAutoObservable, runInAction } from 'mobx';
import type { Preferences } from '@domain/schemas-preferences';
import { messageOf } from '@/api/api-error';
import type { CustomerApi } from '@/api/client';
import type { LoadState } from './load-state';
import type { SaveState } from './visits-store';

/** 我的 → 服务偏好: each tap saves at once (nothing to forget to submit). */
export class PreferencesStore {
  value: Preferences | null = null;
  state: LoadState = 'idle';
  error: string | null = null;
  saveState: SaveState = 'idle';
  saveError: string | null = null;

  constructor(private readonly api: CustomerApi) {
    makeAutoObservable<PreferencesStore, 'api'>(this, { api: false }, { autoBind: true });
  }

  reset(): void {
    this.value = null;
    this.state = 'idle';
    this.error = null;
    this.saveState = 'idle';
    this.saveError = null;
  }

  async load(): Promise<void> {
    this.state = 'loading';
    this.error = null;
    try {
      const value = await this.api.preferences();
      runInAction(() => {
        this.value = value;
        this.state = 'ready';
      });
    } catch (err) {
      runInAction(() => {
        this.state = 'error';
        this.error = messageOf(err);
      });
    }
  }

  /** Saves one change; on failure the screen keeps showing what is really saved. */
  async set(change: Partial<Preferences>): Promise<boolean> {
    if (!this.value || this.saveState === 'saving') return false;
    const next = { ...this.value, ...change };
    this.saveState = 'saving';
    this.saveError = null;
    try {
      const saved = await this.api.savePreferences(next);
      runInAction(() => {
        this.value = saved;
        this.saveState = 'done';
      });
      return true;
    } catch (err) {
      runInAction(() => {
        this.saveState = 'error';
        this.saveError = messageOf(err);
      });
      return false;
    }
  }
}
