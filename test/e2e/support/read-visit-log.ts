/**
 * Reads what the server stored about one visit's staff writes, straight from its embedded
 * database after the server process has stopped: the status changes with their Idempotency-Keys
 * (visit_events) and the append-only record log (visit_record_log). Run as its own process
 * (`tsx read-visit-log.ts <pglite dir> <booking id>`), printing JSON, because PGlite is loaded
 * the way the server loads it.
 */
import { openPglite } from '../../../server/db/pglite';

async function main(): Promise<void> {
  const [dir, bookingId] = process.argv.slice(2);
  const db = await openPglite(dir);
  try {
    const events = await db.query(
      `select action, idempotency_key as key, at from visit_events where booking_id = $1 and actor_role = 'staff' order by seq`,
      [bookingId],
    );
    const log = await db.query(
      `select kind, item, payload, idempotency_key as key, seq, at from visit_record_log where booking_id = $1 order by seq`,
      [bookingId],
    );
    process.stdout.write(JSON.stringify({ events: events.rows, log: log.rows }));
  } finally {
    await db.close();
  }
}

void main();
