/**
 * Weak network: the phone keeps staff writes while offline and sends each one until it hears
 * back, with an Idempotency-Key. The server applies each once, answers a replay with the state as
 * it is now, refuses a key reused for something else, and records what it received, in order.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ERROR_CATALOG } from '@domain';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { bookVisit, fillCompletionRecord, holder, newKey, PNG, staffUpload, workUntil, world, type StaffMember } from '../helpers/visits';

const filesDir = mkdtempSync(join(tmpdir(), 'homevisit-idem-'));
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { FILES_DIR: filesDir } });
});
afterAll(() => server.close());

const act = (m: StaffMember, id: string, action: string, body: Record<string, unknown>, key: string) =>
  server.http('POST', `/api/staff/tasks/${id}/${action}`, { token: m.token, body, headers: { 'idempotency-key': key } });
const setDoc = (m: StaffMember, id: string, doc: string, body: Record<string, unknown>, key: string) =>
  server.http('PUT', `/api/staff/tasks/${id}/record/documents/${doc}`, { token: m.token, body, headers: { 'idempotency-key': key } });
const eventsOf = async (id: string, action: string) =>
  (await server.db.query<{ key: string | null }>('select idempotency_key as key from visit_events where booking_id = $1 and action = $2', [id, action])).rows;

describe('staff actions', () => {
  it('are applied once per key; a replay is answered with the task as it is now, never a version conflict', async () => {
    const w = await world(server.db, server.http);
    const booking = await bookVisit(server.http, w);
    const m = w.staff[0];
    const confirmKey = newKey('confirm');
    const first = await act(m, booking.id, 'confirm', { version: booking.version }, confirmKey);
    const again = await act(m, booking.id, 'confirm', { version: booking.version }, confirmKey);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.json()).toEqual(first.json());
    expect(await eventsOf(booking.id, 'confirm')).toEqual([{ key: confirmKey }]);

    // The queue sends 出发 three times at once (no answer came back); then the old 确认接单 once more.
    const departKey = newKey('depart');
    const departs = await Promise.all([1, 2, 3].map(() => act(m, booking.id, 'depart', { version: first.json().version }, departKey)));
    expect(departs.map((r) => [r.status, r.json().status])).toEqual([[200, 'en_route'], [200, 'en_route'], [200, 'en_route']]);
    expect(await eventsOf(booking.id, 'depart')).toEqual([{ key: departKey }]);
    const late = await act(m, booking.id, 'confirm', { version: booking.version }, confirmKey);
    expect([late.status, late.json().status, late.json().version]).toEqual([200, 'en_route', first.json().version + 1]);
    expect(await eventsOf(booking.id, 'confirm')).toHaveLength(1);
  });

  it('a decline sent twice is one decline: 204 both times, matched again once', async () => {
    const w = await world(server.db, server.http, { staff: 2 });
    const booking = await bookVisit(server.http, w);
    const key = newKey('decline');
    const body = { version: booking.version, reason: '时间冲突' };
    expect((await act(w.staff[0], booking.id, 'decline', body, key)).status).toBe(204);
    expect((await act(w.staff[0], booking.id, 'decline', body, key)).status).toBe(204);
    expect(await holder(server.db, booking.id)).toEqual({ status: 'offered', staffId: w.staff[1].id });
    expect(await eventsOf(booking.id, 'decline')).toEqual([{ key }]);
    expect(await eventsOf(booking.id, 'offer')).toHaveLength(2);
  });

  it('refuses a key reused for another request, and changes nothing', async () => {
    const w = await world(server.db, server.http);
    const booking = await bookVisit(server.http, w);
    const m = w.staff[0];
    const key = newKey('reused');
    const confirmed = (await act(m, booking.id, 'confirm', { version: booking.version }, key)).json();
    for (const res of [
      await act(m, booking.id, 'depart', { version: confirmed.version }, key),
      await act(m, booking.id, 'confirm', { version: booking.version, reason: '换了说法' }, key),
    ]) {
      expect([res.status, res.json()]).toEqual([422, { code: 'IDEMPOTENCY_KEY_REUSED', message: ERROR_CATALOG.IDEMPOTENCY_KEY_REUSED.message }]);
    }
    expect((await holder(server.db, booking.id)).status).toBe('confirmed');
  });
});

describe('record writes and uploads', () => {
  it('three writes made offline arrive in order, each once however often sent, and the log reads them back', async () => {
    const w = await world(server.db, server.http);
    const booking = await bookVisit(server.http, w);
    const m = w.staff[0];
    await workUntil(server.http, w, m, booking, 'in_service');
    const writes: Array<[string, Record<string, unknown>, string]> = [
      ['doc-0', { status: 'collected', originalTaken: false }, newKey('w1')],
      ['doc-1', { status: 'not_available', originalTaken: false }, newKey('w2')],
      ['doc-2', { status: 'collected', originalTaken: true }, newKey('w3')],
    ];
    // Each is sent, the answer is lost, and the queue sends it again before moving on.
    for (const [doc, body, key] of writes) {
      const sent = await setDoc(m, booking.id, doc, body, key);
      const resent = await setDoc(m, booking.id, doc, body, key);
      expect([sent.status, resent.status]).toEqual([200, 200]);
      expect(resent.json()).toEqual(sent.json());
    }
    const log = await server.db.query(
      'select seq, kind, item, payload, idempotency_key as key, actor_id as "actorId" from visit_record_log where booking_id = $1 order by seq',
      [booking.id],
    );
    expect(log.rows).toEqual(writes.map(([doc, body, key], i) => ({ seq: i + 1, kind: 'document', item: doc, payload: body, key, actorId: m.id })));

    // The same key with another body: refused, nothing written.
    const reused = await setDoc(m, booking.id, 'doc-0', { status: 'not_available', originalTaken: false }, writes[0][2]);
    expect([reused.status, reused.json().code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    // Finished in between: a late replay is still answered with the record, and changes nothing.
    await fillCompletionRecord(server.http, m.token, booking.id);
    const version = (await server.http('GET', `/api/staff/tasks/${booking.id}`, { token: m.token })).json().task.version;
    expect((await act(m, booking.id, 'complete', { version }, newKey('done'))).status).toBe(200);
    const late = await setDoc(m, booking.id, 'doc-1', { status: 'not_available', originalTaken: false }, writes[1][2]);
    expect(late.status).toBe(200);
    expect(late.json().handover).toEqual([{ label: '出院小结' }]);
    const count = await server.db.query<{ n: number }>(`select count(*)::int as n from visit_record_log where booking_id = $1 and kind = 'document'`, [booking.id]);
    expect(count.rows[0].n).toBe(3);
  });

  it('a photo sent twice with one key is stored once', async () => {
    const w = await world(server.db, server.http);
    const booking = await bookVisit(server.http, w);
    const m = w.staff[0];
    await workUntil(server.http, w, m, booking, 'arrived');
    const before = readdirSync(filesDir).length;
    const key = newKey('photo');
    const path = `/api/staff/tasks/${booking.id}/files?item=doc-0`;
    const first = await staffUpload(server.http, m.token, path, PNG, key);
    const again = await staffUpload(server.http, m.token, path, PNG, key);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.json()).toEqual(first.json());
    expect(readdirSync(filesDir).length).toBe(before + 1);
    const rows = await server.db.query(`select id from booking_files where booking_id = $1 and kind = 'staff'`, [booking.id]);
    expect(rows.rows).toEqual([{ id: first.json().id }]);
    // The same key for another item: refused, and no bytes left behind.
    const other = await staffUpload(server.http, m.token, `/api/staff/tasks/${booking.id}/files?item=doc-1`, PNG, key);
    expect([other.status, other.json().code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(readdirSync(filesDir).length).toBe(before + 1);
  });
});
