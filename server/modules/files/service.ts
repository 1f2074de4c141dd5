/**
 * Photos of claim documents taken by the customer before the visit (the staff member's photos and
 * the signature are added by the visit record, server/modules/visit-record). Bytes in the
 * FileStore (one object per photo, random names), a row per photo in the database. Seen only by the elder,
 * family members the elder consents to, and the staff member the visit is assigned to; anyone
 * else is told the booking does not exist (ids cannot be probed).
 */
import { createHash, randomUUID } from 'node:crypto';
import { DomainError, holdsSlot, isTerminal, MAX_FILE_BYTES, MAX_FILES_PER_BOOKING, type BookingFile, type Clock } from '@domain';
import type { Db, Queryable } from '../../db';
import type { FileStore } from '../../storage/file-store';
import type { AuthUser } from '../../types';
import { visibleElderIds } from '../customers/access';
import { EXTENSION, sniffImage } from './image-type';
import * as repo from './repository';

export const fileUrl = (id: string) => `/api/files/${id}`;

export const toFileView = (f: repo.FileRow): BookingFile => ({
  id: f.id,
  bookingId: f.bookingId,
  contentType: f.contentType,
  sizeBytes: f.sizeBytes,
  createdAt: new Date(f.createdAt).toISOString(),
  url: fileUrl(f.id),
  kind: f.kind,
  itemKey: f.itemKey,
});

/**
 * The booking if this person may see its photos: its elder, consenting family, or the staff member
 * it is assigned to while the visit is theirs (ID and bank-card photos are not kept in view after).
 */
async function visibleBooking(q: Queryable, user: AuthUser, bookingId: string): Promise<repo.BookingAccess> {
  const b = await repo.bookingAccess(q, bookingId);
  const allowed =
    b &&
    (user.role === 'staff'
      ? b.staffId === user.id && holdsSlot(b.status)
      : user.role === 'customer' && (await visibleElderIds(q, user.id)).includes(b.elderId));
  if (!b || !allowed) throw new DomainError('NOT_FOUND');
  return b;
}

export class FileService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly store: FileStore,
  ) {}

  async upload(user: AuthUser, bookingId: string, bytes: Buffer): Promise<BookingFile> {
    if (bytes.length > MAX_FILE_BYTES) throw new DomainError('FILE_TOO_LARGE');
    const type = sniffImage(bytes);
    if (!type) throw new DomainError('FILE_TYPE_NOT_ALLOWED');
    const id = randomUUID();
    const storageName = `${id}.${EXTENSION[type]}`;
    await this.store.put(storageName, bytes, type);
    try {
      return await this.db.transaction(async (tx) => {
        const booking = await visibleBooking(tx, user, bookingId);
        if (isTerminal(booking.status)) throw new DomainError('TRANSITION_NOT_ALLOWED');
        if ((await repo.countFor(tx, bookingId, 'customer')) >= MAX_FILES_PER_BOOKING) throw new DomainError('FILE_LIMIT_REACHED');
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        const row = await repo.insert(tx, { id, bookingId, uploadedBy: user.id, contentType: type, sizeBytes: bytes.length, sha256, storageName, at: this.clock.now() });
        return toFileView(row);
      });
    } catch (err) {
      // Refused or failed: no orphan bytes left on disk.
      await this.store.delete(storageName);
      throw err;
    }
  }

  async list(user: AuthUser, bookingId: string): Promise<BookingFile[]> {
    return this.db.transaction(async (tx) => {
      await visibleBooking(tx, user, bookingId);
      return (await repo.listFor(tx, bookingId)).map(toFileView);
    });
  }

  async read(user: AuthUser, fileId: string): Promise<{ contentType: string; bytes: Buffer }> {
    const file = await this.db.transaction(async (tx) => {
      const f = await repo.findById(tx, fileId);
      if (!f) throw new DomainError('NOT_FOUND');
      await visibleBooking(tx, user, f.bookingId);
      return f;
    });
    return { contentType: file.contentType, bytes: await this.store.get(file.storageName) };
  }
}
