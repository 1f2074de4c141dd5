/** The words for changing a visit: reasons to tap, and how a change is written for the server. */
import { canTransition, type VisitStatus } from '@domain/lifecycle';
import type { BookingView } from '@domain/schemas';

export const CANCEL_REASONS = ['时间不合适了', '身体不舒服', '已经自己办好了', '家里人会陪我去办', '约错了', '其他原因'] as const;

const NOTE_MAX = 60;

/** "身体不舒服：住院了" — the tapped reason, and the short note when there is one (≤ 200 chars in all). */
export function cancelReason(reason: string, note = ''): string {
  const extra = note.trim().slice(0, NOTE_MAX);
  return extra ? `${reason}：${extra}` : reason;
}

/**
 * The state machine would let a customer change this visit, but the server no longer offers it:
 * the cut-off before the visit has passed. The server decides (its clock), the app only reads it.
 */
export function changeCutoffPassed(b: Pick<BookingView, 'status' | 'allowedActions'>): boolean {
  const changeable = (s: VisitStatus) => canTransition(s, 'cancel', 'customer') || canTransition(s, 'reschedule', 'customer');
  return changeable(b.status) && !b.allowedActions.includes('cancel') && !b.allowedActions.includes('reschedule');
}

/** How long before the visit the app stops taking changes, in whole hours (the server's setting). */
export function cutoffHours(b: Pick<BookingView, 'slotStart' | 'changeDeadline'>): number {
  return Math.max(1, Math.round((Date.parse(b.slotStart) - Date.parse(b.changeDeadline)) / 3_600_000));
}
