/** SQL for staff leave beyond recording it (repository.ts): listing, finding, withdrawing. */
import type { Queryable } from '../../db';

export interface LeaveRow {
  id: string;
  staffId: string;
  startsAt: Date;
  endsAt: Date;
  reason: string;
  createdBy: string;
}

const LEAVE_COLUMNS = `id, staff_id as "staffId", starts_at as "startsAt", ends_at as "endsAt", reason, created_by as "createdBy"`;

/** Leave that has not ended by `from` (of one person, or of everyone), soonest first. */
export async function leaveFrom(q: Queryable, from: Date, staffId: string | null = null): Promise<LeaveRow[]> {
  const r = await q.query<LeaveRow>(
    `select ${LEAVE_COLUMNS} from staff_leave
      where ends_at > $1::timestamptz and ($2::uuid is null or staff_id = $2::uuid)
      order by starts_at, id limit 2000`,
    [from.toISOString(), staffId],
  );
  return r.rows;
}

/** One leave of this person, locked; null when it is not theirs or does not exist. */
export async function findLeaveForUpdate(q: Queryable, staffId: string, leaveId: string): Promise<LeaveRow | null> {
  const r = await q.query<LeaveRow>(`select ${LEAVE_COLUMNS} from staff_leave where id = $1 and staff_id = $2 for update`, [leaveId, staffId]);
  return r.rows[0] ?? null;
}

export async function deleteLeave(q: Queryable, leaveId: string): Promise<void> {
  await q.query('delete from staff_leave where id = $1', [leaveId]);
}

/** Leave already under way is cut short, so the part that passed stays on record. */
export async function endLeaveAt(q: Queryable, leaveId: string, at: Date): Promise<void> {
  await q.query('update staff_leave set ends_at = $2::timestamptz where id = $1', [leaveId, at.toISOString()]);
}
