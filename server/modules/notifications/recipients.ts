/**
 * Who is told what about a visit's change. The elder and every consenting family member follow
 * the visit (except whoever made the change); the staff member is told what concerns them: an
 * offer, and a visit cancelled, moved or given to someone else while it was theirs. Pure.
 */
import { SLOT_HOLDING_STATUSES, type VisitAction, type VisitStatus } from '@domain';
import type { NotificationKind } from './wording';

/** The change as the rules need it. */
export interface ChangeFacts {
  action: VisitAction;
  from: VisitStatus;
  /** The person who made it (null: the system). */
  actorId: string | null;
  /** Who holds the visit after the change. */
  staffId: string | null;
  /** Who held it before the change (when it held someone's time). */
  previousStaffId: string | null;
  /** The event just before this one: a reschedule is announced with the new time by the offer after it. */
  previousAction: string | null;
  previousActorId: string | null;
}

/** What the elder and the family read about this change, if anything. */
export function customerKind(c: ChangeFacts): NotificationKind | null {
  const afterReschedule = c.previousAction === 'reschedule';
  switch (c.action) {
    case 'confirm': return 'confirmed';
    case 'depart': return 'departed';
    case 'arrive': return 'arrived';
    case 'complete': return 'completed';
    case 'cancel': return 'cancelled';
    case 'report_customer_no_show': return 'customer_no_show';
    case 'record_staff_no_show': return 'staff_no_show';
    case 'offer': return afterReschedule ? 'moved' : null;
    case 'no_match': return afterReschedule ? 'moved' : 'unmatched';
    // Before the visit was confirmed, a change of person is the desk's business, not the family's.
    case 'reassign': return c.from === 'confirmed' ? 'staff_changed' : null;
    case 'rematch': return c.from === 'confirmed' ? 'rematching' : null;
    default: return null;
  }
}

/** Whoever caused the change already knows: for a moved visit, that is who moved it. */
export function customerActor(c: ChangeFacts): string | null {
  return customerKind(c) === 'moved' ? c.previousActorId : c.actorId;
}

export interface StaffNotice {
  staffId: string;
  kind: NotificationKind;
}

const TAKEN_AWAY: Partial<Record<VisitAction, NotificationKind>> = {
  cancel: 'task_cancelled',
  reschedule: 'task_withdrawn',
  reassign: 'task_withdrawn',
  rematch: 'task_withdrawn',
  expire: 'task_withdrawn',
};

/** What staff members read about this change: the new holder of an offer, the one it was taken from. */
export function staffNotices(c: ChangeFacts): StaffNotice[] {
  const out: StaffNotice[] = [];
  if ((c.action === 'offer' || c.action === 'reassign') && c.staffId) out.push({ staffId: c.staffId, kind: 'task_offered' });
  const held = SLOT_HOLDING_STATUSES.includes(c.from) ? c.previousStaffId : null;
  const lost = TAKEN_AWAY[c.action];
  // Not told: the person who made the change themselves, nor one reassigned the visit they already had.
  const keptIt = c.action === 'reassign' && held === c.staffId;
  if (held && lost && held !== c.actorId && !keptIt) out.push({ staffId: held, kind: lost });
  return out;
}
