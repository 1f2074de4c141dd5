/**
 * Which visit times we offer. A slot is a fixed China-time window; the staff member's time is held
 * from a travel buffer before the start to the end, so back-to-back visits leave room to travel.
 */
import type { ServiceType } from './services';
import { chinaDate, chinaInstant, formatChinaClock } from './time';

export interface SlotRules {
  /** China wall-clock start times. */
  starts: readonly string[];
  durationMin: number;
}

export const SLOT_RULES: Record<ServiceType, SlotRules> = {
  claim: { starts: ['09:00', '10:30', '14:00', '15:30'], durationMin: 60 },
  escort: { starts: ['08:00', '13:30'], durationMin: 180 },
};

export const BOOKING_RULES = {
  /** Time held before each visit to travel from the previous one. */
  travelBufferMin: 30,
  /** The earliest bookable slot starts this long after now, so someone can get there. */
  leadTimeMin: 120,
  /** How far ahead people can book, counting today. */
  horizonDays: 7,
};

export type DayPeriod = 'morning' | 'afternoon';

export interface Slot {
  start: string;
  end: string;
  /** China date, YYYY-MM-DD. */
  date: string;
  period: DayPeriod;
  /** "上午 9:00–10:00" (an escort: the appointment time, "上午 9:00") */
  label: string;
  /** Escort only: the hospital appointment the visit window was derived from. */
  appointmentAt?: string;
}

function makeSlot(date: string, hhmm: string, durationMin: number): Slot {
  const start = chinaInstant(date, hhmm);
  const end = new Date(start.getTime() + durationMin * 60_000);
  return {
    start: start.toISOString(),
    end: end.toISOString(),
    date,
    period: Number(hhmm.slice(0, 2)) < 12 ? 'morning' : 'afternoon',
    label: `${formatChinaClock(start)}–${formatChinaClock(end).replace(/^\S+ /, '')}`,
  };
}

/** Every slot we would offer from now over the booking horizon, before checking who is free. */
export function upcomingSlots(service: ServiceType, now: Date): Slot[] {
  const rules = SLOT_RULES[service];
  const earliest = now.getTime() + BOOKING_RULES.leadTimeMin * 60_000;
  const slots: Slot[] = [];
  for (let day = 0; day < BOOKING_RULES.horizonDays; day++) {
    const date = chinaDate(now.getTime() + day * 86_400_000);
    for (const hhmm of rules.starts) {
      const slot = makeSlot(date, hhmm, rules.durationMin);
      if (Date.parse(slot.start) >= earliest) slots.push(slot);
    }
  }
  return slots;
}

/** The offered slot that starts at this instant, or null if we do not offer it (now). */
export function findSlot(service: ServiceType, start: string | Date, now: Date): Slot | null {
  const t = new Date(start).getTime();
  return upcomingSlots(service, now).find((s) => Date.parse(s.start) === t) ?? null;
}

export interface BusyRange {
  busyStart: Date;
  busyEnd: Date;
}

/** The staff member's time a visit holds: travel buffer before, up to the end. */
export function busyRangeOf(slot: { start: string | Date; end: string | Date }): BusyRange {
  return {
    busyStart: new Date(new Date(slot.start).getTime() - BOOKING_RULES.travelBufferMin * 60_000),
    busyEnd: new Date(slot.end),
  };
}

export function rangesOverlap(a: BusyRange, b: BusyRange): boolean {
  return a.busyStart < b.busyEnd && b.busyStart < a.busyEnd;
}

/**
 * Escorts: the person tells us their hospital appointment time; the staff member's window is
 * derived from it: with pick-up they arrive at the home an hour before and bring the person back
 * afterwards; without, they meet at the hospital half an hour before.
 */
export const ESCORT_RULES = {
  /** Appointment times people can tap (China wall clock), half-hourly in clinic hours. */
  appointmentTimes: ['08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '13:00', '13:30', '14:00', '14:30', '15:00'],
  pickUpLeadMin: 60,
  meetLeadMin: 30,
  /** Consultation, tests and pharmacy; with pick-up also the ride home. */
  afterWithPickUpMin: 150,
  afterWithoutPickUpMin: 120,
} as const;

export function escortWindow(appointmentAt: string | Date, pickUp: boolean): { start: string; end: string } {
  const t = new Date(appointmentAt).getTime();
  const before = pickUp ? ESCORT_RULES.pickUpLeadMin : ESCORT_RULES.meetLeadMin;
  const after = pickUp ? ESCORT_RULES.afterWithPickUpMin : ESCORT_RULES.afterWithoutPickUpMin;
  return { start: new Date(t - before * 60_000).toISOString(), end: new Date(t + after * 60_000).toISOString() };
}

/** Every appointment time we would offer from now over the horizon, each with its visit window. */
export function upcomingEscortSlots(now: Date, pickUp: boolean): Slot[] {
  const earliest = now.getTime() + BOOKING_RULES.leadTimeMin * 60_000;
  const slots: Slot[] = [];
  for (let day = 0; day < BOOKING_RULES.horizonDays; day++) {
    const date = chinaDate(now.getTime() + day * 86_400_000);
    for (const hhmm of ESCORT_RULES.appointmentTimes) {
      const appointment = chinaInstant(date, hhmm);
      const { start, end } = escortWindow(appointment, pickUp);
      if (Date.parse(start) < earliest) continue;
      slots.push({
        start,
        end,
        date,
        period: Number(hhmm.slice(0, 2)) < 12 ? 'morning' : 'afternoon',
        label: formatChinaClock(appointment),
        appointmentAt: appointment.toISOString(),
      });
    }
  }
  return slots;
}

/** The escort slot for this appointment time, or null if we do not offer it (now). */
export function findEscortSlot(appointmentAt: string | Date, pickUp: boolean, now: Date): Slot | null {
  const t = new Date(appointmentAt).getTime();
  return upcomingEscortSlots(now, pickUp).find((s) => Date.parse(s.appointmentAt ?? '') === t) ?? null;
}
