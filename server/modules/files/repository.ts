/** SQL for document photos and for who may see the booking they belong to. */
import type { VisitStatus } from '@domain';
import type { Queryable } from '../../db';

export interface FileRow {
  id: string;
  bookingId: string;
  contentType: 'image/jpeg' | 'image/png' | 'image/webp';
  sizeBytes: number;
  storageName: string;
  createdAt: Date;
}

const COLUMNS = `id, booking_id as "bookingId", content_type as "contentType", size_bytes as "sizeBytes",
  storage_name as "storageName", created_at as "createdAt"`;

export interface BookingAccess {
  elderId: string;
  staffId: string | null;
  status: VisitStatus;
}

export async function bookingAccess(q: Queryable, bookingId: string): Promise<BookingAccess | null> {
  const r = await q.query<BookingAccess>('select elder_id as "elderId", staff_id as "staffId", status from bookings where id = $1', [bookingId]);
  return r.rows[0] ?? null;
}

export async function countFor(q: Queryable, bookingId: string): Promise<number> {
  const r = await q.query<{ n: number }>('select count(*)::int as n from booking_files where booking_id = $1', [bookingId]);
  return r.rows[0].n;
}

export async function insert(
  q: Queryable,
  f: { id: string; bookingId: string; uploadedBy: string; contentType: string; sizeBytes: number; sha256: string; storageName: string; at: Date },
): Promise<FileRow> {
  const r = await q.query<FileRow>(
    `insert into booking_files (id, booking_id, uploaded_by, content_type, size_bytes, sha256, storage_name, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz) returning ${COLUMNS}`,
    [f.id, f.bookingId, f.uploadedBy, f.contentType, f.sizeBytes, f.sha256, f.storageName, f.at.toISOString()],
  );
  return r.rows[0];
}

export async function listFor(q: Queryable, bookingId: string): Promise<FileRow[]> {
  const r = await q.query<FileRow>(`select ${COLUMNS} from booking_files where booking_id = $1 order by created_at, id`, [bookingId]);
  return r.rows;
}

export async function findById(q: Queryable, id: string): Promise<FileRow | null> {
  const r = await q.query<FileRow>(`select ${COLUMNS} from booking_files where id = $1`, [id]);
  return r.rows[0] ?? null;
}
