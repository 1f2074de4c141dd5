/**
 * The change bus: how one API instance tells every instance (itself included) that something
 * changed, with no server besides PostgreSQL. A change is announced with `pg_notify` inside the
 * transaction that makes it, so it is delivered at commit, never for a change rolled back, and in
 * commit order. Every instance LISTENs on one channel:
 *   - PostgreSQL: a dedicated connection (LISTEN cannot share a pooled one), reconnecting with
 *     back-off; after a gap, subscribers hear `onGap` (messages in between may be lost).
 *   - PGlite: the same NOTIFY, heard in-process through PGlite's own LISTEN (one process, so
 *     every app built on that database hears every change).
 * Payloads are ids only and must stay under NOTIFY's 8000-byte limit.
 */
import pg from 'pg';
import type { Db, Queryable } from './types';

export const BUS_CHANNEL = 'homevisit_live';
/** The listening connection's application_name: findable in pg_stat_activity. */
export const BUS_APPLICATION_NAME = 'homevisit-live-bus';
/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
export const MAX_BUS_PAYLOAD_BYTES = 7999;

export interface BusLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface ChangeBus {
  /** Every message published on any instance, parsed from JSON, after its transaction committed. */
  subscribe(fn: (message: unknown) => void): () => void;
  /** The feed was lost and is back: messages published in between may never arrive. */
  onGap(fn: () => void): () => void;
  close(): Promise<void>;
}

/** Announces a message to every instance when (and only if) the transaction `q` belongs to commits. */
export async function publish(q: Queryable, message: object): Promise<void> {
  const payload = JSON.stringify(message);
  if (Buffer.byteLength(payload, 'utf8') > MAX_BUS_PAYLOAD_BYTES) {
    throw new Error(`bus message too large (${Buffer.byteLength(payload, 'utf8')} bytes): send ids only`);
  }
  await q.query('select pg_notify($1, $2)', [BUS_CHANNEL, payload]);
}

class Listeners {
  private readonly messages = new Set<(m: unknown) => void>();
  private readonly gaps = new Set<() => void>();

  subscribe = (fn: (m: unknown) => void) => {
    this.messages.add(fn);
    return () => void this.messages.delete(fn);
  };

  onGap = (fn: () => void) => {
    this.gaps.add(fn);
    return () => void this.gaps.delete(fn);
  };

  /** Off the driver's call stack: a subscriber may query the database at once. */
  deliver(payload: string | undefined, log: BusLog): void {
    let message: unknown;
    try {
      message = JSON.parse(payload ?? '');
    } catch {
      log.warn({ payload: String(payload).slice(0, 200) }, 'bus message is not JSON: ignored');
      return;
    }
    setImmediate(() => this.messages.forEach((fn) => fn(message)));
  }

  gap(): void {
    setImmediate(() => this.gaps.forEach((fn) => fn()));
  }
}

async function pgliteBus(db: Db, log: BusLog): Promise<ChangeBus> {
  const listeners = new Listeners();
  const unlisten = await (db.listen as NonNullable<Db['listen']>)(BUS_CHANNEL, (payload) => listeners.deliver(payload, log));
  return { subscribe: listeners.subscribe, onGap: listeners.onGap, close: () => unlisten() };
}

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 30_000;
/** A silent TCP death is found by a tiny query on the listening connection this often. */
const PROBE_MS = 30_000;

/** One dedicated LISTEN connection to a PostgreSQL server, replaced whenever it is lost. */
class PostgresListener {
  readonly listeners = new Listeners();
  private client: pg.Client | null = null;
  private closed = false;
  private retryMs = RETRY_MIN_MS;
  private everConnected = false;
  private timer: NodeJS.Timeout | null = null;
  private probe: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly log: BusLog,
  ) {}

  async connect(): Promise<void> {
    this.timer = null;
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.url, keepAlive: true, application_name: BUS_APPLICATION_NAME });
    client.on('notification', (n) => {
      if (n.channel === BUS_CHANNEL) this.listeners.deliver(n.payload, this.log);
    });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, null));
    try {
      await client.connect();
      await client.query(`LISTEN ${BUS_CHANNEL}`);
    } catch (err) {
      return this.lost(client, err as Error);
    }
    if (this.closed) return void client.end().catch(() => undefined);
    this.client = client;
    this.retryMs = RETRY_MIN_MS;
    if (this.everConnected) {
      this.log.info({}, 'live bus: listening again');
      this.listeners.gap();
    }
    this.everConnected = true;
    this.probe = setInterval(() => void client.query('select 1').catch((err: Error) => this.lost(client, err)), PROBE_MS);
    this.probe.unref();
  }

  private lost(client: pg.Client, err: Error | null): void {
    if (this.client !== null && this.client !== client) return;
    if (this.probe) clearInterval(this.probe);
    this.probe = null;
    this.client = null;
    client.removeAllListeners('end');
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.closed || this.timer) return;
    this.log.warn({ err: err?.message, retryMs: this.retryMs }, 'live bus: lost the LISTEN connection, reconnecting');
    this.timer = setTimeout(() => void this.connect(), this.retryMs);
    this.timer.unref();
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.probe) clearInterval(this.probe);
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
    }
  }
}

export interface BusOptions {
  db: Db;
  /** The server's DATABASE_URL (postgres://…); unused for PGlite. */
  databaseUrl: string | undefined;
  log: BusLog;
}

/** The bus for this database: PGlite's in-process LISTEN, or a dedicated LISTEN connection. */
export async function openChangeBus(opts: BusOptions): Promise<ChangeBus> {
  if (opts.db.kind === 'pglite') return pgliteBus(opts.db, opts.log);
  if (!opts.databaseUrl) throw new Error('The change bus needs the PostgreSQL DATABASE_URL to open its LISTEN connection');
  const listener = new PostgresListener(opts.databaseUrl, opts.log);
  await listener.connect();
  return { subscribe: listener.listeners.subscribe, onGap: listener.listeners.onGap, close: () => listener.close() };
}
