/**
 * The task board: offers waiting for an answer on top (soonest deadline first), then today's
 * visits in time order (under way, confirmed, and those finished today), then the confirmed
 * visits of the days after. Pure: the cards come in, the board goes out.
 */
import { chinaDate, type StaffTaskBoard, type StaffTaskCard, type VisitStatus } from '@domain';

/** Started and not finished: on today's list whatever day its slot was, so it can be finished. */
const UNDER_WAY: readonly VisitStatus[] = ['en_route', 'arrived', 'in_service'];

const bySlot = (a: StaffTaskCard, b: StaffTaskCard) => a.slotStart.localeCompare(b.slotStart);
const byDeadline = (a: StaffTaskCard, b: StaffTaskCard) => (a.offerExpiresAt ?? a.slotStart).localeCompare(b.offerExpiresAt ?? b.slotStart) || bySlot(a, b);

function isToday(card: StaffTaskCard, today: string): boolean {
  if (UNDER_WAY.includes(card.status)) return true;
  const day = chinaDate(card.slotStart);
  // A confirmed visit of an earlier day that never started stays in view until someone acts on it.
  if (card.status === 'confirmed') return day <= today;
  // Finished ones are only loaded when they finished today (repository's ON_BOARD).
  return card.status !== 'offered';
}

/** `cards`: the staff member's visits as listed by listBoard; `today`: China date YYYY-MM-DD. */
export function groupBoard(cards: readonly StaffTaskCard[], today: string): StaffTaskBoard {
  return {
    offers: cards.filter((c) => c.status === 'offered').sort(byDeadline),
    today: cards.filter((c) => isToday(c, today)).sort(bySlot),
    upcoming: cards.filter((c) => c.status === 'confirmed' && chinaDate(c.slotStart) > today).sort(bySlot),
  };
}
