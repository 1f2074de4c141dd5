/** SQL for photos of a visit (the customer's, the staff member's, the signature) and for who may see the booking. */
import type { BookingFile, VisitStatus } from '@domain';
import type { Queryable } from '../../db';

export interface FileRow {
  id: string;
  bookingId: string;
  contentType: 'image/jpeg' | 'image/png' | 'image/webp';
  sizeBytes: number;
  storageName: string;
  createdAt: Date;
  kind: FileKind;
  itemKey: string | null;
}

export type FileKind = BookingFile['kind'];

const COLUMNS = `id, booking_id as "bookingId", content_type as "contentType", size_bytes as "sizeBytes",
  storage_name as "storageName", created_at as "createdAt", kind, item_key as "itemKey"`;

export interface BookingAccess {
  elderId: string;
  staffId: string | null;
  status: VisitStatus;
}

export async function bookingAccess(q: Queryable, bookingId: string): Promise<BookingAccess | null> {
  const r = await q.query<BookingAccess>('select elder_id as "elderId", staff_id as "staffId", status from bookings where id = $1', [bookingId]);
  return r.rows[0] ?? null;
}

/** Photos of one kind on this visit (each kind has its own limit). */
export async function countFor(q: Queryable, bookingId: string, kind: FileKind): Promise<number> {
  const r = await q.query<{ n: number }>('select count(*)::int as n from booking_files where booking_id = $1 and kind = $2', [bookingId, kind]);
  return r.rows[0].n;
}

export interface NewFile {
  id: string;
  bookingId: string;
  uploadedBy: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageName: string;
  at: Date;
  /** Default: the customer's photo. */
  kind?: FileKind;
  itemKey?: string | null;
}

export async function insert(q: Queryable, f: NewFile): Promise<FileRow> {
  const r = await q.query<FileRow>(
    `insert into booking_files (id, booking_id, uploaded_by, content_type, size_bytes, sha256, storage_name, created_at, kind, item_key)
     values ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz, $9, $10) returning ${COLUMNS}`,
    [f.id, f.bookingId, f.uploadedBy, f.contentType, f.sizeBytes, f.sha256, f.storageName, f.at.toISOString(), f.kind ?? 'customer', f.itemKey ?? null],
  );
  return r.rows[0];
}

/** A replaced signature: its row goes (the caller removes the bytes once the change is committed). */
export async function deleteById(q: Queryable, id: string): Promise<void> {
  await q.query('delete from booking_files where id = $1', [id]);
}

/** Files of these visits, optionally of one kind, in the order of listFor. */
export async function listForMany(q: Queryable, bookingIds: readonly string[], kind?: FileKind): Promise<FileRow[]> {
  if (bookingIds.length === 0) return [];
  const r = await q.query<FileRow>(
    `select ${COLUMNS} from booking_files where booking_id = any($1::uuid[]) and ($2::text is null or kind = $2) order by ${FILE_ORDER}`,
    [bookingIds, kind ?? null],
  );
  return r.rows;
}

/** The customer's photos first, then the staff member's, then the signature; each oldest first. */
const FILE_ORDER = `array_position(array['customer', 'staff', 'signature'], kind), created_at, id`;

export async function listFor(q: Queryable, bookingId: string): Promise<FileRow[]> {
  const r = await q.query<FileRow>(`select ${COLUMNS} from booking_files where booking_id = $1 order by ${FILE_ORDER}`, [bookingId]);
  return r.rows;
}

export async function findById(q: Queryable, id: string): Promise<FileRow | null> {
  const r = await q.query<FileRow>(`select ${COLUMNS} from booking_files where id = $1`, [id]);
  return r.rows[0] ?? null;
}
