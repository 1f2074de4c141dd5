import { stores } from '@/wiring';

export type BookingStep = 'who' | 'type' | 'hospital' | 'department' | 'needs' | 'address' | 'time' | 'confirm';

const CLAIM_STEPS: BookingStep[] = ['type', 'address', 'time', 'confirm'];
const ESCORT_STEPS: BookingStep[] = ['hospital', 'department', 'needs', 'address', 'time', 'confirm'];

/** Step numbers: a family member has one more step (choosing whom) than an elder booking for themselves. */
export function stepOf(page: BookingStep): { step: number; total: number } {
  const steps = stores.draft.serviceType === 'escort' ? ESCORT_STEPS : CLAIM_STEPS;
  const order: BookingStep[] = stores.session.booksOnlyForSelf ? steps : ['who', ...steps];
  return { step: order.indexOf(page) + 1, total: order.length };
}
