/**
 * A fingerprint of the whole database: every table of the public schema with its row count and
 * an md5 of its rows (each row as text, sorted, so the order rows come back in does not matter).
 * Two equal snapshots mean nothing was inserted, changed or deleted in between.
 */
import type { Db } from '../../server/db';

export type DbSnapshot = Record<string, { rows: number; md5: string }>;

export async function snapshotDatabase(db: Db, opts: { exclude?: readonly string[] } = {}): Promise<DbSnapshot> {
  const tables = await db.query<{ table_name: string }>(
    `select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const snapshot: DbSnapshot = {};
  for (const { table_name: table } of tables.rows) {
    if (opts.exclude?.includes(table)) continue;
    // Names come from the catalogue, quoted as identifiers: no input of a request reaches this SQL.
    const r = await db.query<{ rows: string; md5: string | null }>(
      `select count(*)::text as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as md5 from "${table.replace(/"/g, '""')}" t`,
    );
    snapshot[table] = { rows: Number(r.rows[0].rows), md5: r.rows[0].md5 ?? '' };
  }
  return snapshot;
}
