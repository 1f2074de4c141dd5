/**
 * Reminders of a visit: the evening before (18:00 China time, when people plan their next day)
 * and an hour before. They are planned in the transaction of the change that set the visit's
 * time (an offer, a reassignment, or "nobody yet"), so moving a visit replaces them and
 * cancelling removes them with the change itself. When one falls due, a worker claims it
 * (FOR UPDATE SKIP LOCKED) and writes its messages into the outbox in the same transaction.
 */
import { chinaDate, chinaInstant, isTerminal, type Clock, type VisitAction, type VisitStatus } from '@domain';
import type { Db, Queryable } from '../../db';
import { BOOKING_COLUMNS, type BookingRow } from '../bookings/repository';
import { followersAddressed, writeMessages, type Addressee } from './outbox';

export type ReminderKind = 'day_before' | 'hour_before';

/** The actions after which a visit's time or holder is settled for now. */
const PLANNING_ACTIONS: readonly VisitAction[] = ['offer', 'no_match', 'reassign'];
/** A reminder goes out only for a visit still ahead of the staff member's departure. */
const REMIND_WHEN: readonly VisitStatus[] = ['offered', 'confirmed'];

/** When each reminder of a visit starting at slotStart falls due. */
export function reminderTimes(slotStart: Date): Record<ReminderKind, Date> {
  const dayBefore = chinaDate(new Date(slotStart.getTime() - 24 * 3_600_000));
  return { day_before: chinaInstant(dayBefore, '18:00'), hour_before: new Date(slotStart.getTime() - 3_600_000) };
}

/** Keeps the visit's planned reminders in step with the change just made (same transaction). */
export async function planReminders(q: Queryable, booking: BookingRow, action: VisitAction, at: Date): Promise<void> {
  if (isTerminal(booking.status)) {
    await q.query(`delete from visit_reminders where booking_id = $1 and state = 'planned'`, [booking.id]);
    return;
  }
  if (!PLANNING_ACTIONS.includes(action)) return;
  const slotStart = new Date(booking.slotStart);
  await q.query(`delete from visit_reminders where booking_id = $1 and state = 'planned' and slot_start <> $2::timestamptz`, [booking.id, slotStart.toISOString()]);
  const due = Object.entries(reminderTimes(slotStart)).filter(([, when]) => when.getTime() > at.getTime());
  if (due.length === 0) return;
  await q.query(
    `insert into visit_reminders (booking_id, kind, slot_start, due_at)
     select $1, k, $2::timestamptz, d from unnest($3::text[], $4::timestamptz[]) as t(k, d)
     on conflict (booking_id, kind, slot_start) do nothing`,
    [booking.id, slotStart.toISOString(), due.map(([k]) => k), due.map(([, d]) => d.toISOString())],
  );
}

interface DueReminder {
  id: string;
  kind: ReminderKind;
  slotStart: Date;
}

async function remind(tx: Queryable, r: DueReminder, now: Date): Promise<boolean> {
  const b = await tx.query<BookingRow>(`select ${BOOKING_COLUMNS} from bookings where id = (select booking_id from visit_reminders where id = $1)`, [r.id]);
  const booking = b.rows[0];
  const current = booking && REMIND_WHEN.includes(booking.status) && new Date(booking.slotStart).getTime() === new Date(r.slotStart).getTime();
  if (current) {
    const kind = r.kind === 'day_before' ? 'reminder_day' : 'reminder_hour';
    const people: Addressee[] = await followersAddressed(tx, booking.elderId, kind, null);
    if (booking.status === 'confirmed' && booking.staffId) people.push({ userId: booking.staffId, role: 'staff', kind });
    await writeMessages(tx, `reminder:${r.id}`, booking, people, now);
  }
  await tx.query(`update visit_reminders set state = $2, fired_at = $3::timestamptz where id = $1`, [r.id, current ? 'sent' : 'skipped', now.toISOString()]);
  return Boolean(current);
}

/** Sends the reminders that fell due; safe on any number of instances. Returns how many went out. */
export async function fireDueReminders(db: Db, clock: Clock, limit = 100): Promise<number> {
  return db.transaction(async (tx) => {
    const now = clock.now();
    const due = await tx.query<DueReminder>(
      `select id, kind, slot_start as "slotStart" from visit_reminders
        where state = 'planned' and due_at <= $1::timestamptz
        order by due_at limit ${limit} for update skip locked`,
      [now.toISOString()],
    );
    let sent = 0;
    for (const r of due.rows) if (await remind(tx, r, now)) sent += 1;
    return sent;
  });
}
