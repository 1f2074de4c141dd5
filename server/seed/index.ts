/**
 * Seeds the demo city into an empty database, once: an advisory lock makes two instances starting
 * together agree, and a database that already has people in it is left alone.
 */
import { chinaTime, type Clock } from '@domain';
import type { Db, Queryable } from '../db';
import { DEMO_IDS, SEED_ADDRESSES, SEED_CUSTOMERS, SEED_DISPATCHER, SEED_FAMILY_LINKS, SEED_STAFF, seedCertificates, seedPhone, staffUserId } from './data';

const SEED_LOCK = 7_270_002;

async function insertPeople(tx: Queryable, now: Date): Promise<void> {
  const year = chinaTime(now).year();
  for (const c of SEED_CUSTOMERS) {
    await tx.query(`insert into users (id, role, name, gender, birth_year) values ($1, 'customer', $2, $3, $4)`, [
      c.id, c.name, c.gender, c.age === null ? null : year - c.age,
    ]);
  }
  // 张秀英 speaks Shanghainese: matching prefers staff who do (they can change it in 我的).
  await tx.query(`update users set dialect = '上海话' where id = $1`, [DEMO_IDS.elder]);
  await tx.query(`insert into users (id, role, name, gender) values ($1, 'dispatcher', $2, $3)`, [
    SEED_DISPATCHER.id, SEED_DISPATCHER.name, SEED_DISPATCHER.gender,
  ]);
  // One second apart, so "first saved" (the home) stays first: rows of one transaction share now().
  for (const [i, a] of SEED_ADDRESSES.entries()) {
    await tx.query(
      'insert into addresses (id, elder_id, label, text, district, lat, lng, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz)',
      [a.id, a.elderId, a.label, a.text, a.district, a.lat, a.lng, new Date(now.getTime() + i * 1000).toISOString()],
    );
  }
  for (const l of SEED_FAMILY_LINKS) {
    await tx.query('insert into family_links (family_user_id, elder_user_id, relation, consented_at) values ($1, $2, $3, $4::timestamptz)', [
      l.familyId, l.elderId, l.relation, now.toISOString(),
    ]);
  }
}

/** The demo staff have all joined already (they sign in from the demo list). */
async function insertStaff(tx: Queryable, now: Date): Promise<void> {
  for (const s of SEED_STAFF) {
    const id = staffUserId(s.staffNo);
    await tx.query(`insert into users (id, role, name, gender, phone) values ($1, 'staff', $2, $3, $4)`, [id, s.name, s.gender, seedPhone(s.staffNo)]);
    await tx.query(
      `insert into staff_profiles (user_id, staff_no, gender, skills, dialects, base_lat, base_lng, service_radius_km,
         working_hours, daily_cap, rating, photo_path, district, certificates, joined_at)
       values ($1, $2, $3, $4::text[], $5::text[], $6, $7, $8, $9::text::jsonb, $10, $11, $12, $13, $14::text::jsonb, $15::timestamptz)`,
      [id, s.staffNo, s.gender, s.skills, s.dialects, s.lat, s.lng, s.radiusKm, JSON.stringify(s.hours), s.dailyCap, s.rating,
        `${s.staffNo}.svg`, s.district, JSON.stringify(seedCertificates(s)), now.toISOString()],
    );
  }
}

/** true when it seeded now; false when the database already had people in it. */
export async function seedDemoData(db: Db, clock: Clock): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1::bigint)', [SEED_LOCK]);
    const existing = await tx.query('select 1 from users limit 1');
    if (existing.rows.length > 0) return false;
    await insertPeople(tx, clock.now());
    await insertStaff(tx, clock.now());
    return true;
  });
}

export { DEMO_IDS, SEED_STAFF, staffUserId } from './data';
