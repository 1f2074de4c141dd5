import { makeAutoObservable, runInAction } from 'mobx';
import type { BookingView } from '@domain/schemas';
import type { CustomerApi } from '@/api/client';

/** One staff photo of a checklist document: `url` needs the bearer token to load. */
export interface DocPhoto {
  id: string;
  url: string;
}

/** "id:1,0,2": which visit and how many photos each document has; a new value means new files. */
export function photoKey(b: BookingView | null): string | null {
  const docs = b?.record?.documents ?? [];
  if (!b || !docs.some((d) => d.photoCount > 0)) return null;
  return `${b.id}:${docs.map((d) => d.photoCount).join(',')}`;
}

/**
 * The staff member's photos of the open visit's documents, by checklist item ("doc-0"…). Fetched
 * only when the record's photo counts change; while a new list loads, the old one stays shown, so
 * the page does not jump. Signatures and the customer's own photos are left out.
 */
export class VisitPhotos {
  byItem: Record<string, DocPhoto[]> = {};
  private bookingId: string | null = null;
  /** The key the shown list belongs to, and the one being fetched. */
  private loadedKey: string | null = null;
  private wantedKey: string | null = null;

  constructor(private readonly api: CustomerApi) {
    makeAutoObservable<VisitPhotos, 'api'>(this, { api: false }, { autoBind: true });
  }

  photosOf(index: number): DocPhoto[] {
    return this.byItem[`doc-${index}`] ?? [];
  }

  reset(): void {
    this.byItem = {};
    this.bookingId = null;
    this.loadedKey = null;
    this.wantedKey = null;
  }

  /** The visit shown now (or news about it): fetch its files if its photos changed. */
  async sync(b: BookingView | null): Promise<void> {
    if (b && b.id !== this.bookingId) {
      this.reset();
      this.bookingId = b.id;
    }
    const key = photoKey(b);
    if (!b || !key) {
      if (b) this.byItem = {};
      this.loadedKey = this.wantedKey = null;
      return;
    }
    if (key === this.loadedKey || key === this.wantedKey) return;
    this.wantedKey = key;
    try {
      const files = await this.api.bookingFiles(b.id);
      runInAction(() => {
        if (this.wantedKey !== key) return;
        const byItem: Record<string, DocPhoto[]> = {};
        for (const f of [...files].sort((x, y) => x.createdAt.localeCompare(y.createdAt))) {
          if (f.kind !== 'staff' || !f.itemKey) continue;
          (byItem[f.itemKey] ??= []).push({ id: f.id, url: f.url });
        }
        this.byItem = byItem;
        this.loadedKey = key;
        this.wantedKey = null;
      });
    } catch {
      // Keep what is shown; the next refresh tries again.
      runInAction(() => {
        if (this.wantedKey === key) this.wantedKey = null;
      });
    }
  }
}
