/**
 * Offers nobody answered in time lapse: the booking goes back to matching without that person and
 * all lapsed bookings are matched again together (a rematch wave is one batch). Safe on several
 * instances: each run claims rows with FOR UPDATE SKIP LOCKED, so no booking is handled twice.
 */
import type { FastifyInstance } from 'fastify';
import type { Clock } from '@domain';
import type { LifecycleConfig } from '../../config';
import { transactionWithRetry, type Db } from '../../db';
import { applyTransition } from '../bookings/lifecycle';
import { matchAll, SYSTEM } from '../bookings/matching-flow';
import { BOOKING_COLUMNS, type BookingRow } from '../bookings/repository';

/** At most this many bookings per run; the next run takes the rest. */
const BATCH_LIMIT = 200;

export interface SweepResult {
  expired: number;
  reoffered: number;
  unmatched: number;
}

export async function expireLapsedOffers(db: Db, clock: Clock, lifecycle: LifecycleConfig): Promise<SweepResult> {
  return transactionWithRetry(db, async (tx) => {
    const now = clock.now();
    const lapsed = await tx.query<BookingRow>(
      `select ${BOOKING_COLUMNS} from bookings
        where status = 'offered' and offer_expires_at <= $1::timestamptz
        order by offer_expires_at
        limit ${BATCH_LIMIT}
        for update skip locked`,
      [now.toISOString()],
    );
    const matching: BookingRow[] = [];
    for (const row of lapsed.rows) {
      matching.push(await applyTransition(tx, row, { action: 'expire', actor: SYSTEM, at: now, staffId: null }));
    }
    const ended = await matchAll(tx, matching, now, lifecycle.offerTtlMinutes);
    const unmatched = ended.filter((r) => r.status === 'unmatched').length;
    return { expired: lapsed.rows.length, reoffered: ended.length - unmatched, unmatched };
  });
}

/** Runs the sweep every `offerSweepSeconds` while the app is up (0: never; tests call it by hand). */
export function scheduleOfferSweep(app: FastifyInstance, db: Db, clock: Clock, lifecycle: LifecycleConfig): void {
  if (lifecycle.offerSweepSeconds <= 0) return;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    expireLapsedOffers(db, clock, lifecycle)
      .then((r) => {
        if (r.expired > 0) app.log.info(r, 'lapsed offers matched again');
      })
      .catch((err: unknown) => app.log.error({ err }, 'offer sweep failed; it will run again'))
      .finally(() => {
        running = false;
      });
  }, lifecycle.offerSweepSeconds * 1000);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
