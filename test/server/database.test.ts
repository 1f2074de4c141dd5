/** Migrations and what the schema itself guarantees, whatever the application does. */
import { ACTOR_ROLES, VISIT_ACTIONS, VISIT_STATUSES } from '@domain';
import { runMigrations, sqlState } from '../../server/db';
import { listMigrations } from '../../server/db/migrate';
import { createCustomer, createStaff, uniqueArea } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-server';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
});
afterAll(() => database.destroy());

const db = () => database.db;

async function insertBooking(opts: { elderId: string; staffId: string | null; status: string; start: string; end: string; key?: string }) {
  return db().query<{ id: string }>(
    `insert into bookings (elder_id, booked_by, booked_by_role, service_type, claim_type, address_label, address_text,
       address_district, address_lat, address_lng, slot_start, slot_end, busy_start, busy_end, status, staff_id,
       idempotency_key, request_hash)
     values ($1, $1, 'customer', 'claim', 'other', '家', '测试路 1 号', '测试区', 20, 100, $2::timestamptz, $3::timestamptz,
       $2::timestamptz - interval '30 minutes', $3::timestamptz, $4, $5, $6, 'hash')
     returning id`,
    [opts.elderId, opts.start, opts.end, opts.status, opts.staffId, opts.key ?? `key-${Math.random()}`],
  );
}

async function sqlStateOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (err) {
    return sqlState(err) ?? 'not a database error';
  }
}

describe('migrations', () => {
  it('apply every file once, in order, and do nothing the second time', async () => {
    const all = listMigrations().map((m) => m.version);
    expect(all[0]).toBe('001');
    expect(await runMigrations(db())).toEqual(all);
    expect(await runMigrations(db())).toEqual([]);
    const recorded = await db().query<{ version: string }>('select version from schema_migrations order by version');
    expect(recorded.rows.map((r) => r.version)).toEqual(all);
  });

  it('are safe when two instances start together', async () => {
    const [a, b] = await Promise.all([runMigrations(db()), runMigrations(db())]);
    expect([...a, ...b]).toEqual([]);
  });
});

describe('schema', () => {
  it('accepts every status, action and role the domain knows', async () => {
    const defs = await db().query<{ def: string }>(
      `select pg_get_constraintdef(c.oid) as def from pg_constraint c
        where c.conrelid in ('bookings'::regclass, 'visit_events'::regclass) and c.contype = 'c'`,
    );
    const text = defs.rows.map((r) => r.def).join('\n');
    for (const value of [...VISIT_STATUSES, ...VISIT_ACTIONS, ...ACTOR_ROLES, 'submit']) expect(text).toContain(`'${value}'`);
  });

  it('refuses two overlapping visits for one staff member, even written directly in SQL (23P01)', async () => {
    const elder = await createCustomer(db());
    const staff = await createStaff(db(), { at: uniqueArea() });
    await insertBooking({ elderId: elder.id, staffId: staff.id, status: 'confirmed', start: '2030-01-08T01:00:00Z', end: '2030-01-08T02:00:00Z' });
    // 10:30 China starts inside the first visit's held time (travel buffer from 10:00).
    const overlapping = insertBooking({ elderId: elder.id, staffId: staff.id, status: 'offered', start: '2030-01-08T01:45:00Z', end: '2030-01-08T02:45:00Z' });
    expect(await sqlStateOf(overlapping)).toBe('23P01');
    // Back to back (held time starting exactly at the previous end) is fine…
    await insertBooking({ elderId: elder.id, staffId: staff.id, status: 'offered', start: '2030-01-08T02:30:00Z', end: '2030-01-08T03:30:00Z' });
    // …and so is an overlapping visit that no longer holds time.
    await insertBooking({ elderId: elder.id, staffId: staff.id, status: 'cancelled', start: '2030-01-08T01:00:00Z', end: '2030-01-08T02:00:00Z' });
  });

  it('refuses statuses and roles it does not know', async () => {
    const elder = await createCustomer(db());
    const bad = insertBooking({ elderId: elder.id, staffId: null, status: 'teleported', start: '2030-01-08T01:00:00Z', end: '2030-01-08T02:00:00Z' });
    expect(await sqlStateOf(bad)).toBe('23514');
    expect(await sqlStateOf(db().query(`insert into users (role, name) values ('admin', '某人')`))).toBe('23514');
  });

  it('keeps visit events append-only', async () => {
    const elder = await createCustomer(db());
    const booking = await insertBooking({ elderId: elder.id, staffId: null, status: 'submitted', start: '2030-01-09T01:00:00Z', end: '2030-01-09T02:00:00Z' });
    const id = booking.rows[0].id;
    await db().query(
      `insert into visit_events (booking_id, seq, to_status, action, actor_role, actor_id, at) values ($1, 1, 'submitted', 'submit', 'customer', $2, now())`,
      [id, elder.id],
    );
    expect(await sqlStateOf(db().query(`update visit_events set reason = 'x' where booking_id = $1`, [id]))).toBe('23001');
    expect(await sqlStateOf(db().query(`delete from visit_events where booking_id = $1`, [id]))).toBe('23001');
    const still = await db().query('select 1 from visit_events where booking_id = $1', [id]);
    expect(still.rows).toHaveLength(1);
  });

  it('lets one Idempotency-Key make one booking per person (23505)', async () => {
    const elder = await createCustomer(db());
    const slot = { start: '2030-01-10T01:00:00Z', end: '2030-01-10T02:00:00Z' };
    await insertBooking({ elderId: elder.id, staffId: null, status: 'submitted', ...slot, key: 'same-key-123' });
    const again = insertBooking({ elderId: elder.id, staffId: null, status: 'submitted', ...slot, key: 'same-key-123' });
    expect(await sqlStateOf(again)).toBe('23505');
  });

  it('never runs a query from outside a transaction inside it', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tx = db().transaction(async (t) => {
      await t.query(`insert into users (role, name) values ('customer', '事务中的人')`);
      await gate;
      throw new Error('roll back');
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const outside = db().query<{ n: number }>(`select count(*)::int as n from users where name = '事务中的人'`);
    release();
    await expect(tx).rejects.toThrow('roll back');
    expect((await outside).rows[0].n).toBe(0);
  });

  it('refuses a transaction handle misuse on PGlite instead of hanging', async () => {
    if (db().kind !== 'pglite') return;
    await expect(db().transaction(() => db().query('select 1'))).rejects.toThrow(/transaction handle/);
  });
});
