import { stores } from '@/wiring';

/** Step numbers: a family member has one more step (choosing whom) than an elder booking for themselves. */
export function stepOf(page: 'who' | 'type' | 'address' | 'time' | 'confirm'): { step: number; total: number } {
  const order = stores.session.booksOnlyForSelf ? ['type', 'address', 'time', 'confirm'] : ['who', 'type', 'address', 'time', 'confirm'];
  return { step: order.indexOf(page) + 1, total: order.length };
}
