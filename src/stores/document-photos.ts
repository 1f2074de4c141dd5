import { makeAutoObservable, runInAction } from 'mobx';
import type { CustomerApi } from '@/api/client';
import type { LocalPhoto, PhotoReader } from './photo-ports';

/** How many photos one booking takes from the phone (the server allows a few more for staff). */
export const MAX_DRAFT_PHOTOS = 9;

/**
 * Photos of claim documents taken while booking (optional). They stay on the phone until the
 * booking exists, then go up one by one; a photo that fails never undoes the booking (the staff
 * member can photograph it at the visit). Local photo paths do not outlive the app, so they are
 * not kept with the rest of the draft.
 */
export class DocumentPhotos {
  list: LocalPhoto[] = [];
  /** While uploading: how many are done of how many. */
  progress: { done: number; total: number } | null = null;
  /** After the last upload: how many did not make it. */
  failed = 0;

  constructor(
    private readonly api: CustomerApi,
    private readonly read: PhotoReader | null,
  ) {
    makeAutoObservable<DocumentPhotos, 'api' | 'read'>(this, { api: false, read: false }, { autoBind: true });
  }

  get room(): number {
    return MAX_DRAFT_PHOTOS - this.list.length;
  }

  add(photos: LocalPhoto[]): void {
    const byPath = new Map([...this.list, ...photos].map((p) => [p.path, p]));
    this.list = [...byPath.values()].slice(0, MAX_DRAFT_PHOTOS);
  }

  remove(path: string): void {
    this.list = this.list.filter((p) => p.path !== path);
  }

  clear(): void {
    this.list = [];
    this.progress = null;
  }

  /** Uploads the photos to the booking just made; resolves how many failed. */
  async uploadTo(bookingId: string, photos: LocalPhoto[]): Promise<number> {
    this.failed = 0;
    if (!photos.length) return 0;
    let failed = photos.length;
    if (this.read) {
      failed = 0;
      for (const [i, photo] of photos.entries()) {
        runInAction(() => (this.progress = { done: i, total: photos.length }));
        try {
          const { bytes, contentType } = await this.read(photo.path);
          await this.api.uploadFile(bookingId, bytes, contentType);
        } catch {
          failed += 1;
        }
      }
    }
    runInAction(() => {
      this.progress = null;
      this.failed = failed;
    });
    return failed;
  }
}
