/**
 * Photos the staff member takes of the claim documents, and the customer's signature drawn on
 * screen. The bytes go to the FileStore first (random names); the row, the record change and its
 * log entry are written in one transaction; anything refused, or a replayed Idempotency-Key,
 * leaves no bytes behind. A photo marks a document not yet dealt with as collected; a new
 * signature replaces the earlier one (row and bytes).
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  claimChecklist,
  DomainError,
  MAX_FILE_BYTES,
  MAX_SIGNATURE_BYTES,
  MAX_STAFF_PHOTOS_PER_VISIT,
  type BookingFile,
  type Clock,
  type VisitRecord,
} from '@domain';
import { transactionWithRetry, type Db, type Queryable } from '../../db';
import type { FileStore } from '../../storage/file-store';
import type { AuthUser } from '../../types';
import { EXTENSION, sniffImage, type ImageType } from '../files/image-type';
import * as files from '../files/repository';
import { toFileView } from '../files/service';
import { idempotency, type Idempotency } from '../staff/idempotency';
import { openRecordWrite, type RecordWrite } from './access';
import { appendLog } from './log-repository';
import { markCollectedIfPending, saveSignature } from './repository';
import { recordOf } from './view';

interface Incoming {
  id: string;
  type: ImageType;
  bytes: Buffer;
  sha256: string;
  storageName: string;
}

/** What a stored upload's transaction decided: its answer, and which stored names to remove after it. */
interface Settled<T> {
  result: T;
  /** The new bytes are not needed (a replay). */
  discardNew: boolean;
  /** Bytes of a replaced signature, removed once the change is committed. */
  discardOld?: string | null;
}

export class StaffUploads {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly store: FileStore,
  ) {}

  async photo(staff: AuthUser, bookingId: string, itemKey: string, bytes: Buffer, key?: string): Promise<{ file: BookingFile; created: boolean }> {
    if (bytes.length > MAX_FILE_BYTES) throw new DomainError('FILE_TOO_LARGE');
    const type = sniffImage(bytes);
    if (!type) throw new DomainError('FILE_TYPE_NOT_ALLOWED');
    const file = this.incoming(type, bytes);
    const idem = idempotency(key, ['photo', bookingId, itemKey, file.sha256]);
    return this.stored<{ file: BookingFile; created: boolean }>(file, idem, staff, bookingId, async (tx, opened) => {
      if (opened.kind === 'replay') {
        const earlier = await files.findById(tx, String(opened.prior.payload.fileId));
        if (!earlier) throw new DomainError('NOT_FOUND');
        return { result: { file: toFileView(earlier), created: false }, discardNew: true };
      }
      const { row } = opened;
      if (row.serviceType !== 'claim' || !claimChecklist(row.claimType).some((d) => d.key === itemKey)) throw new DomainError('NOT_FOUND');
      if ((await files.countFor(tx, bookingId, 'staff')) >= MAX_STAFF_PHOTOS_PER_VISIT) throw new DomainError('STAFF_FILE_LIMIT_REACHED');
      const now = this.clock.now();
      const saved = await this.insertFile(tx, file, staff, bookingId, now, 'staff', itemKey);
      await markCollectedIfPending(tx, bookingId, itemKey, now);
      await this.log(tx, staff, bookingId, now, 'photo', itemKey, file, idem);
      return { result: { file: toFileView(saved), created: true }, discardNew: false };
    });
  }

  async signature(staff: AuthUser, bookingId: string, bytes: Buffer, key?: string): Promise<VisitRecord> {
    if (bytes.length > MAX_SIGNATURE_BYTES) throw new DomainError('FILE_TOO_LARGE');
    if (sniffImage(bytes) !== 'image/png') throw new DomainError('FILE_TYPE_NOT_ALLOWED');
    const file = this.incoming('image/png', bytes);
    const idem = idempotency(key, ['signature', bookingId, file.sha256]);
    return this.stored(file, idem, staff, bookingId, async (tx, opened) => {
      if (opened.kind === 'replay') return { result: await recordOf(tx, opened.row), discardNew: true };
      const now = this.clock.now();
      await this.insertFile(tx, file, staff, bookingId, now, 'signature', null);
      const replaced = await saveSignature(tx, bookingId, file.id, now);
      const old = replaced ? await files.findById(tx, replaced) : null;
      if (old) await files.deleteById(tx, old.id);
      await this.log(tx, staff, bookingId, now, 'signature', null, file, idem);
      return { result: await recordOf(tx, opened.row), discardNew: false, discardOld: old?.storageName };
    });
  }

  private incoming(type: ImageType, bytes: Buffer): Incoming {
    const id = randomUUID();
    return { id, type, bytes, sha256: createHash('sha256').update(bytes).digest('hex'), storageName: `${id}.${EXTENSION[type]}` };
  }

  /** Bytes first, then the transaction; bytes nobody points at are removed whatever happens. */
  private async stored<T>(
    file: Incoming,
    idem: Idempotency | null,
    staff: AuthUser,
    bookingId: string,
    work: (tx: Queryable, opened: RecordWrite) => Promise<Settled<T>>,
  ): Promise<T> {
    await this.store.put(file.storageName, file.bytes, file.type);
    let settled: Settled<T>;
    try {
      settled = await transactionWithRetry(this.db, async (tx) => work(tx, await openRecordWrite(tx, staff.id, bookingId, idem)));
    } catch (err) {
      await this.store.delete(file.storageName);
      throw err;
    }
    if (settled.discardNew) await this.store.delete(file.storageName);
    if (settled.discardOld) await this.store.delete(settled.discardOld);
    return settled.result;
  }

  private insertFile(tx: Queryable, f: Incoming, staff: AuthUser, bookingId: string, at: Date, kind: 'staff' | 'signature', itemKey: string | null) {
    return files.insert(tx, {
      id: f.id, bookingId, uploadedBy: staff.id, contentType: f.type, sizeBytes: f.bytes.length, sha256: f.sha256, storageName: f.storageName, at, kind, itemKey,
    });
  }

  private log(tx: Queryable, staff: AuthUser, bookingId: string, at: Date, kind: 'photo' | 'signature', item: string | null, f: Incoming, idem: Idempotency | null) {
    return appendLog(tx, {
      bookingId, actorId: staff.id, at, kind, item, payload: { fileId: f.id, sizeBytes: f.bytes.length, sha256: f.sha256 },
      idempotencyKey: idem?.key ?? null, requestHash: idem?.hash ?? null,
    });
  }
}
