/**
 * What goes over the change bus between API instances: ids, a status, an estimate. Never a name,
 * an address or a phone (NOTIFY payloads end up in database logs, and each instance decides what
 * to push to whom from these ids with the same rules as the REST views).
 */
import type { VisitStatus } from '@domain';

export interface VisitChangedEvent {
  kind: 'visit';
  bookingId: string;
  version: number;
  status: VisitStatus;
  elderId: string;
  /**
   * The staff members whose board shows the visit before or after this change (the REST rule of
   * the staff board): the one working it, and the one it was just taken from (this change only).
   */
  staffIds: string[];
}

export interface EtaChangedEvent {
  kind: 'eta';
  bookingId: string;
  elderId: string;
  at: string;
  distanceKm: number;
}

export type LiveEvent = VisitChangedEvent | EtaChangedEvent;

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 64;
const isTextList = (v: unknown): v is string[] => Array.isArray(v) && v.length <= 2 && v.every(isText);

/** A bus message as a live event; null for anything else (another feature's message, a newer version). */
export function parseLiveEvent(m: unknown): LiveEvent | null {
  if (typeof m !== 'object' || m === null) return null;
  const e = m as Record<string, unknown>;
  if (!isText(e.bookingId) || !isText(e.elderId)) return null;
  if (e.kind === 'visit' && typeof e.version === 'number' && isText(e.status) && isTextList(e.staffIds)) {
    return {
      kind: 'visit',
      bookingId: e.bookingId,
      version: e.version,
      status: e.status as VisitStatus,
      elderId: e.elderId,
      staffIds: e.staffIds,
    };
  }
  if (e.kind === 'eta' && isText(e.at) && typeof e.distanceKm === 'number') {
    return { kind: 'eta', bookingId: e.bookingId, elderId: e.elderId, at: e.at, distanceKm: e.distanceKm };
  }
  return null;
}
