/**
 * The live channel (GET /api/live, a WebSocket): what the app and the server say to each other.
 * TypeBox-free, so the mini-program can use the parser as a value.
 *
 * The first thing the app sends is `auth` with its session token (never in the URL, which proxies
 * and logs keep). The server answers `ready`, or `denied` and closes. From then on it pushes ids
 * and statuses only: the app reads the view itself over REST, where the property-level rules live.
 */
import type { VisitStatus } from './lifecycle';

/** Close codes the server uses (4000–4999 are the application's). */
export const LIVE_CLOSE = {
  /** No, a wrong or an expired session: sign in again; do not reconnect with the same token. */
  unauthenticated: 4401,
  /** No `auth` message in time. */
  authTimeout: 4408,
  /** The app read too slowly and the server stopped buffering for it: reconnect and catch up. */
  tooSlow: 4429,
} as const;

/** How long the server waits for the `auth` message. */
export const LIVE_AUTH_TIMEOUT_MS = 10_000;

export type LiveClientMessage = { type: 'auth'; token: string } | { type: 'ping' };

/** A visit someone may see changed: refresh it (the version says which change; skip if already shown). */
export interface LiveVisitPush {
  type: 'visit';
  bookingId: string;
  version: number;
  status: VisitStatus;
}

/** The staff member on the way sent a new location: the estimated arrival moved (customer side only). */
export interface LiveEtaPush {
  type: 'eta';
  bookingId: string;
  /** The new estimated arrival (ISO instant) and the distance left, as BookingView.eta shows them. */
  at: string;
  distanceKm: number;
}

export type LivePush = LiveVisitPush | LiveEtaPush;

export type LiveServerMessage =
  | { type: 'ready'; heartbeatSeconds: number }
  | { type: 'denied'; code: 'UNAUTHENTICATED' | 'SESSION_EXPIRED'; message: string }
  | { type: 'pong' }
  /** Pushes may have been missed (the server lost its feed for a moment): refresh what is shown. */
  | { type: 'resync' }
  | LivePush;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

/** Reads a server message; null for anything else (a newer server's message is ignored, not fatal). */
export function parseLiveServerMessage(text: string): LiveServerMessage | null {
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(m)) return null;
  switch (m.type) {
    case 'ready':
      return typeof m.heartbeatSeconds === 'number' ? { type: 'ready', heartbeatSeconds: m.heartbeatSeconds } : null;
    case 'denied':
      return (m.code === 'UNAUTHENTICATED' || m.code === 'SESSION_EXPIRED') && isText(m.message) ? { type: 'denied', code: m.code, message: m.message } : null;
    case 'pong':
    case 'resync':
      return { type: m.type };
    case 'visit':
      return isText(m.bookingId, 64) && typeof m.version === 'number' && isText(m.status, 40)
        ? { type: 'visit', bookingId: m.bookingId, version: m.version, status: m.status as VisitStatus }
        : null;
    case 'eta':
      return isText(m.bookingId, 64) && isText(m.at, 40) && typeof m.distanceKm === 'number'
        ? { type: 'eta', bookingId: m.bookingId, at: m.at, distanceKm: m.distanceKm }
        : null;
    default:
      return null;
  }
}

/** Reads a client message (the server's side); null when it is not one. */
export function parseLiveClientMessage(text: string): LiveClientMessage | null {
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(m)) return null;
  if (m.type === 'ping') return { type: 'ping' };
  if (m.type === 'auth' && isText(m.token, 512)) return { type: 'auth', token: m.token };
  return null;
}
