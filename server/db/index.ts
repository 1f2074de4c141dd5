import { join } from 'node:path';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { Db } from './types';

export type { Db, Queryable, QueryResult, DatabaseKind } from './types';
export { sqlState, SQLSTATE } from './types';
export { runMigrations } from './migrate';
export { transactionWithRetry } from './retry';

export interface OpenDatabaseOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  onIdleError?: (err: Error) => void;
}

/** Chooses the database from DATABASE_URL: unset → PGlite on disk, memory:// → PGlite in memory, postgres:// → server. */
export async function openDatabase(opts: OpenDatabaseOptions): Promise<Db> {
  const url = opts.databaseUrl;
  if (!url) return openPglite(join(opts.dataDir, 'pglite'));
  if (url.startsWith('memory://')) return openPglite();
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgres(url, { onIdleError: opts.onIdleError });
  throw new Error(`Unsupported DATABASE_URL scheme: ${url.split(':')[0]}`);
}
