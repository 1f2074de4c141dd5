/**
 * The bench's people, written straight into a fresh database before the servers start: one elder
 * with many consenting family members (each a live client), and staff around her to take the
 * visits whose changes are measured.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, runMigrations, type Db } from '../../server/db';
import { createCustomer, createStaff, linkFamily } from '../../test/helpers/fixtures';

export interface BenchWorld {
  elderId: string;
  familyIds: string[];
  staffIds: string[];
}

async function people(db: Db, family: number, staff: number): Promise<BenchWorld> {
  const at = { lat: 31.2304, lng: 121.4737 };
  const elder = await createCustomer(db, { name: '张秀英', at });
  const familyIds: string[] = [];
  for (let i = 0; i < family; i++) {
    const f = await createCustomer(db, { name: `家人${i + 1}`, at: null });
    await linkFamily(db, f.id, elder.id);
    familyIds.push(f.id);
  }
  const staffIds: string[] = [];
  for (let i = 0; i < staff; i++) staffIds.push((await createStaff(db, { at: { lat: at.lat + i * 0.002, lng: at.lng }, name: '王建国', dailyCap: 12 })).id);
  return { elderId: elder.id, familyIds, staffIds };
}

/** PGlite on disk under dataDir (the server process then opens the same files). */
export async function pgliteWorld(dataDir: string, family: number, staff: number): Promise<BenchWorld> {
  const db = await openDatabase({ databaseUrl: undefined, dataDir });
  try {
    await runMigrations(db);
    return await people(db, family, staff);
  } finally {
    await db.close();
  }
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database on the PostgreSQL server at adminUrl; drop() removes it. */
export async function postgresWorld(adminUrl: string, family: number, staff: number): Promise<BenchWorld & { url: string; drop(): Promise<void> }> {
  const name = `homevisit_bench_live_${randomBytes(4).toString('hex')}`;
  await admin(adminUrl, `create database "${name}"`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: u.toString(), dataDir: '.data/unused' });
  try {
    await runMigrations(db);
    const world = await people(db, family, staff);
    return { ...world, url: u.toString(), drop: () => admin(adminUrl, `drop database if exists "${name}" with (force)`) };
  } finally {
    await db.close();
  }
}
