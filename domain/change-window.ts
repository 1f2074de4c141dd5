/**
 * When customers and family may still change a visit in the app. Up to a cut-off before the visit
 * (configurable, default 2 h) they may cancel or move it; after it the app offers a call instead,
 * because the staff member has planned the day. A visit nobody is assigned to can always be
 * cancelled: nobody's plan depends on it.
 */
import { allowedActions, type VisitAction, type VisitStatus } from './lifecycle';

export const DEFAULT_CHANGE_CUTOFF_MINUTES = 120;

/** The instant after which the visit can no longer be changed in the app. */
export function changeDeadline(slotStart: string | Date, cutoffMinutes: number): Date {
  return new Date(new Date(slotStart).getTime() - cutoffMinutes * 60_000);
}

const UNASSIGNED: readonly VisitStatus[] = ['submitted', 'matching', 'unmatched'];

/** Whether a customer-side change is still allowed in the app at `now` (the state machine aside). */
export function withinChangeWindow(action: 'cancel' | 'reschedule', status: VisitStatus, slotStart: string | Date, now: Date, cutoffMinutes: number): boolean {
  if (action === 'cancel' && UNASSIGNED.includes(status)) return true;
  return now.getTime() <= changeDeadline(slotStart, cutoffMinutes).getTime();
}

/** What the elder or a consenting family member may do now: the state machine, then the cut-off. */
export function customerActions(
  status: VisitStatus,
  role: 'customer' | 'family',
  slotStart: string | Date,
  now: Date,
  cutoffMinutes: number,
): VisitAction[] {
  return allowedActions(status, role).filter(
    (a) => (a !== 'cancel' && a !== 'reschedule') || withinChangeWindow(a, status, slotStart, now, cutoffMinutes),
  );
}
