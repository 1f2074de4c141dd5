/**
 * PGlite: PostgreSQL compiled to WASM, in-process. One connection: PGlite itself queues every
 * query and transaction behind one mutex, so concurrent requests are serialised, never
 * interleaved. The catch is re-entrancy: calling the outer handle from inside a transaction
 * would wait for that very transaction forever, so it is refused loudly instead.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import type { Db, Queryable, QueryResult } from './types';

const insideTransaction = new AsyncLocalStorage<true>();

function refuseReentry(): void {
  if (insideTransaction.getStore()) {
    throw new Error('The database handle was used inside a transaction: use the transaction handle (tx) instead.');
  }
}

function wrap(target: PGlite | Transaction): Queryable {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
      const r = await target.query<R>(sql, params as unknown[]);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
  };
}

/** dataDir undefined → in memory (tests); otherwise persisted there (created if missing). */
export async function openPglite(dataDir?: string): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create({ dataDir, extensions: { btree_gist } });
  const outer = wrap(pg);
  return {
    kind: 'pglite',
    query(sql, params) {
      refuseReentry();
      return outer.query(sql, params);
    },
    exec(sql) {
      refuseReentry();
      return outer.exec(sql);
    },
    transaction(fn) {
      refuseReentry();
      return pg.transaction((tx) => insideTransaction.run(true, () => fn(wrap(tx))));
    },
    close: () => pg.close(),
    listen(channel, onPayload) {
      refuseReentry();
      return pg.listen(channel, onPayload);
    },
  };
}
