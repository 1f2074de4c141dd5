import { makeAutoObservable, runInAction } from 'mobx';
import type { ComplaintBody, RatingBody, VisitFeedback } from '@domain/schemas-feedback';
import { messageOf } from '@/api/api-error';
import type { CustomerApi } from '@/api/client';
import type { LoadState } from './load-state';
import { defaultKeyFactory, type KeyFactory } from './ports';
import type { SaveState } from './visits-store';

/** After the visit: the rating and complaints of the open visit. */
export class FeedbackStore {
  bookingId: string | null = null;
  feedback: VisitFeedback | null = null;
  state: LoadState = 'idle';
  error: string | null = null;
  saveState: SaveState = 'idle';
  saveError: string | null = null;
  /**
   * One key per complaint being written: a retry after a dropped network sends the same key, so
   * the server keeps one complaint, not two. A new key only once it was saved.
   */
  private complaintKey: string;

  constructor(
    private readonly api: CustomerApi,
    private readonly newKey: KeyFactory = defaultKeyFactory,
  ) {
    this.complaintKey = newKey();
    makeAutoObservable<FeedbackStore, 'api' | 'newKey' | 'complaintKey'>(this, { api: false, newKey: false, complaintKey: false }, { autoBind: true });
  }

  reset(): void {
    this.bookingId = null;
    this.feedback = null;
    this.state = 'idle';
    this.error = null;
    this.resetSave();
  }

  resetSave(): void {
    this.saveState = 'idle';
    this.saveError = null;
  }

  async load(bookingId: string): Promise<void> {
    if (this.bookingId !== bookingId) {
      this.feedback = null;
      this.bookingId = bookingId;
    }
    this.state = 'loading';
    this.error = null;
    try {
      const feedback = await this.api.visitFeedback(bookingId);
      runInAction(() => {
        if (this.bookingId !== bookingId) return;
        this.feedback = feedback;
        this.state = 'ready';
      });
    } catch (err) {
      runInAction(() => {
        this.state = 'error';
        this.error = messageOf(err);
      });
    }
  }

  async rate(bookingId: string, body: RatingBody): Promise<boolean> {
    return this.save(bookingId, async () => {
      await this.api.rateVisit(bookingId, body);
    });
  }

  async complain(bookingId: string, body: ComplaintBody): Promise<boolean> {
    return this.save(bookingId, async () => {
      await this.api.complain(bookingId, body, this.complaintKey);
      this.complaintKey = this.newKey();
    });
  }

  private async save(bookingId: string, send: () => Promise<void>): Promise<boolean> {
    if (this.saveState === 'saving') return false;
    this.saveState = 'saving';
    this.saveError = null;
    try {
      await send();
      runInAction(() => {
        this.saveState = 'done';
      });
      await this.load(bookingId);
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
