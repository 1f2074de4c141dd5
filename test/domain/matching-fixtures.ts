/** Small hand-made staff, bookings and contexts for the matching tests. */
import type { BusyRange, MatchContext, MatchRequest, StaffCommitments, StaffProfile } from '@domain';

export const WEEKDAYS = { '1': [['08:00', '17:30']], '2': [['08:00', '17:30']], '3': [['08:00', '17:30']], '4': [['08:00', '17:30']], '5': [['08:00', '17:30']] } as StaffProfile['workingHours'];

/** A flat in 徐汇; staff are placed by km north of it. */
export const HOME = { lat: 31.2, lng: 121.45 };
export const kmNorth = (km: number) => ({ lat: HOME.lat + km / 111.195, lng: HOME.lng });

export function staff(over: Partial<StaffProfile>): StaffProfile {
  return {
    id: 's1',
    name: '王建国',
    staffNo: 'AX1001',
    gender: 'male',
    skills: ['claim'],
    dialects: ['普通话'],
    base: kmNorth(1),
    serviceRadiusKm: 10,
    workingHours: WEEKDAYS,
    dailyCap: 4,
    rating: 4.7,
    ...over,
  };
}

// Tuesday 2026-11-24 China time: claim slots 09:00 / 10:30 / 14:00, escort 08:00–11:00.
export const AT = {
  nine: ['2026-11-24T01:00:00.000Z', '2026-11-24T02:00:00.000Z'],
  half10: ['2026-11-24T02:30:00.000Z', '2026-11-24T03:30:00.000Z'],
  two: ['2026-11-24T06:00:00.000Z', '2026-11-24T07:00:00.000Z'],
  escort8: ['2026-11-24T00:00:00.000Z', '2026-11-24T03:00:00.000Z'],
} as const;

export function booking(id: string, over: Partial<MatchRequest> = {}, at: readonly [string, string] = AT.nine): MatchRequest {
  return {
    bookingId: id,
    serviceType: 'claim',
    claimType: 'inpatient',
    location: HOME,
    slotStart: at[0],
    slotEnd: at[1],
    customer: { customerId: `c-${id}`, dialect: null, preferredGender: null },
    ...over,
  };
}

export interface ContextFacts {
  commitments?: Record<string, StaffCommitments>;
  load?: Record<string, number>;
  /** "staffId|customerId" → completed visits */
  history?: Record<string, number>;
}

export function context(f: ContextFacts = {}): MatchContext {
  return {
    commitmentsOf: (id) => f.commitments?.[id],
    recentLoadOf: (id) => f.load?.[id] ?? 10,
    pastVisitsWith: (id, customer) => f.history?.[`${id}|${customer}`] ?? 0,
  };
}

export const free: StaffCommitments = { busy: [], visitsThatDay: 0 };
export type { BusyRange };
