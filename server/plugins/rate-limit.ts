/**
 * A light fixed-window limit on sign-in attempts per client address (OWASP API4). In memory, per
 * instance: enough to blunt scripted guessing here; behind a load balancer a shared store
 * (PostgreSQL or Redis) would replace it.
 */
import type { onRequestAsyncHookHandler } from 'fastify';
import { DomainError, type Clock } from '@domain';

const WINDOW_MS = 60_000;

export function loginRateLimit(perMinute: number, clock: Clock): onRequestAsyncHookHandler {
  const windows = new Map<string, { startedAt: number; count: number }>();
  return async function limitSignIn(request) {
    if (perMinute <= 0) return;
    const now = clock.now().getTime();
    const w = windows.get(request.ip);
    if (!w || now - w.startedAt >= WINDOW_MS) {
      // Drop stale windows now and then so the map cannot grow without bound.
      if (windows.size > 10_000) {
        for (const [ip, old] of windows) if (now - old.startedAt >= WINDOW_MS) windows.delete(ip);
      }
      windows.set(request.ip, { startedAt: now, count: 1 });
      return;
    }
    w.count += 1;
    if (w.count > perMinute) throw new DomainError('RATE_LIMITED');
  };
}
