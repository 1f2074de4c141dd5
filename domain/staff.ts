import type { GeoPoint } from './geo';
import type { Skill } from './services';

export type Gender = 'male' | 'female';

/** Working hours per ISO weekday (1 = Monday), China wall-clock ["HH:mm", "HH:mm"] ranges. */
export type WeeklyHours = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', Array<[string, string]>>>;

/** What matching needs to know about a service person. */
export interface StaffProfile {
  id: string;
  name: string;
  staffNo: string;
  gender: Gender;
  skills: Skill[];
  dialects: string[];
  base: GeoPoint;
  serviceRadiusKm: number;
  workingHours: WeeklyHours;
  dailyCap: number;
  rating: number;
}

/** How people address a service person: 王师傅 for men, 李老师 for women (common in this service). */
export function staffTitle(name: string, gender: Gender): string {
  return `${name.slice(0, 1)}${gender === 'male' ? '师傅' : '老师'}`;
}
