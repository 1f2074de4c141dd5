/** SQL for the live channel: who held a visit before its last change, and which sessions still stand. */
import type { Queryable } from '../../db';

/**
 * The holder before the change just written: each visit event records who holds the visit after
 * it, so the event before the newest one names the previous holder.
 */
export async function previousHolder(q: Queryable, bookingId: string): Promise<string | null> {
  const r = await q.query<{ staffId: string | null }>(
    `select staff_id as "staffId" from visit_events where booking_id = $1 order by seq desc offset 1 limit 1`,
    [bookingId],
  );
  return r.rows[0]?.staffId ?? null;
}

export interface SessionState {
  tokenHash: string;
  expiresAt: Date;
}

/** The sessions among these that still exist (a signed-out one is deleted), with their expiry. */
export async function sessionsStanding(q: Queryable, tokenHashes: readonly string[]): Promise<Map<string, Date>> {
  if (tokenHashes.length === 0) return new Map();
  const r = await q.query<SessionState>(
    `select token_hash as "tokenHash", expires_at as "expiresAt" from sessions where token_hash = any($1::text[])`,
    [tokenHashes],
  );
  return new Map(r.rows.map((s) => [s.tokenHash, new Date(s.expiresAt)]));
}
