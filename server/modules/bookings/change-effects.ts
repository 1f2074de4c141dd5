/**
 * What a visit's change causes besides itself, written in the same transaction as the change
 * (applyTransition calls this after the status and its event are written): the notifications it
 * owes people go into the outbox, so a change is never committed without them, nor they without it.
 */
import type { ActorRole, VisitAction, VisitStatus } from '@domain';
import type { Queryable } from '../../db';
import { notifyVisitChange } from '../notifications/outbox';
import { planReminders } from '../notifications/reminders';
import { announceVisitChange } from '../live/announce';
import type { BookingRow } from './repository';

export interface VisitChange {
  booking: BookingRow;
  from: VisitStatus;
  to: VisitStatus;
  action: VisitAction;
  actorRole: ActorRole;
  actorId: string | null;
  reason: string | null;
  at: Date;
}

export async function afterVisitChange(q: Queryable, change: VisitChange): Promise<void> {
  await notifyVisitChange(q, change);
  // A visit's time or holder was set (offer, reassignment, nobody yet) or it ended: reminders follow.
  await planReminders(q, change.booking, change.action, change.at);
  // Every instance pushes it to the sockets allowed to see it, once this transaction commits.
  await announceVisitChange(q, change);
}
