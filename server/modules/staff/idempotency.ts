/**
 * Exactly-once staff writes. The phone's offline queue sends every write with an Idempotency-Key
 * and sends it again until it hears back; the server keeps the key with what the write changed
 * (the visit_events row of an action, the visit_record_log row of a record change or upload) in
 * the same transaction, together with a hash of what was asked. The same key again: nothing is
 * applied twice, the answer is the state as it is now. The same key for something else:
 * IDEMPOTENCY_KEY_REUSED.
 */
import { createHash } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import { DomainError, IdempotencyKeySchema } from '@domain';

/** A key and the hash of the request it came with; null when the request carried no key. */
export interface Idempotency {
  key: string;
  hash: string;
}

/** JSON with object keys sorted, so the same request always hashes the same. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

export function idempotency(key: string | undefined, request: unknown): Idempotency | null {
  if (!key) return null;
  return { key, hash: createHash('sha256').update(JSON.stringify(canonical(request))).digest('hex') };
}

/** A key seen before must come with the same request (a replay); with another one it is refused. */
export function assertSameRequest(idem: Idempotency, prior: { requestHash: string | null }): void {
  if (prior.requestHash !== idem.hash) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
}

/** The optional Idempotency-Key header of every staff write (the app always sends one). */
export const IdempotencyHeadersSchema = Type.Object({ 'idempotency-key': Type.Optional(IdempotencyKeySchema) });
