/**
 * Photos the staff member takes at the door and the customer's signature: images only, within
 * their limits, with a clear message beyond them; seen only by the elder, consenting family and
 * the staff member while the visit is theirs; a new signature replaces the earlier one.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ERROR_CATALOG, MAX_FILE_BYTES, MAX_SIGNATURE_BYTES, MAX_STAFF_PHOTOS_PER_VISIT } from '@domain';
import { createCustomer, linkFamily, signIn } from '../helpers/fixtures';
import type { HttpResponse } from '../helpers/http-client';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { bookVisit, fillCompletionRecord, PNG, staffAct, staffUpload, workUntil, world, type StaffMember } from '../helpers/visits';

const filesDir = mkdtempSync(join(tmpdir(), 'homevisit-staff-files-'));
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { FILES_DIR: filesDir } });
});
afterAll(() => server.close());

const jpegOf = (size: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(size - 4)]);
const pngOf = (size: number) => Buffer.concat([PNG.subarray(0, 8), Buffer.alloc(size - 8)]);
const stored = () => readdirSync(filesDir).length;
const photo = (m: StaffMember, id: string, bytes: Buffer | string, type = 'image/png', item = 'doc-0') =>
  staffUpload(server.http, m.token, `/api/staff/tasks/${id}/files?item=${item}`, typeof bytes === 'string' ? Buffer.from(bytes) : bytes, undefined, type);
const sign = (m: StaffMember, id: string, bytes: Buffer, type = 'image/png') => staffUpload(server.http, m.token, `/api/staff/tasks/${id}/signature`, bytes, undefined, type);
const get = (token: string, path: string) => server.http('GET', path, { token });

function expectError(res: HttpResponse, status: number, code: keyof typeof ERROR_CATALOG) {
  expect([res.status, res.json()]).toEqual([status, { code, message: ERROR_CATALOG[code].message }]);
}

async function atTheDoor() {
  const w = await world(server.db, server.http, { staff: 2 });
  const booking = await bookVisit(server.http, w);
  const started = await workUntil(server.http, w, w.staff[0], booking, 'in_service');
  return { w, m: w.staff[0], id: booking.id as string, version: started.version as number };
}

describe('staff photos', () => {
  it('refuses a photo that is too large or not an image, saying so in Chinese, and keeps nothing', async () => {
    const { m, id } = await atTheDoor();
    const before = stored();
    expectError(await photo(m, id, jpegOf(MAX_FILE_BYTES + 1), 'image/jpeg'), 413, 'FILE_TOO_LARGE');
    expectError(await photo(m, id, jpegOf(12 * 1024 * 1024), 'image/jpeg'), 413, 'FILE_TOO_LARGE');
    expectError(await photo(m, id, 'not an image at all'), 415, 'FILE_TYPE_NOT_ALLOWED');
    expectError(await photo(m, id, '%PDF-1.7 a document', 'application/pdf'), 415, 'FILE_TYPE_NOT_ALLOWED');
    expect(ERROR_CATALOG.FILE_TOO_LARGE.message).toMatch(/太大/);
    expect(stored()).toBe(before);
    const detail = (await get(m.token, `/api/staff/tasks/${id}`)).json();
    expect([detail.files, detail.record.documents[0].status]).toEqual([[], 'pending']);
    // A photo of exactly 5 MB is fine.
    expect((await photo(m, id, jpegOf(MAX_FILE_BYTES), 'image/jpeg')).status).toBe(201);
  });

  it(`takes at most ${MAX_STAFF_PHOTOS_PER_VISIT} a visit`, async () => {
    const { m, id } = await atTheDoor();
    for (let i = 0; i < MAX_STAFF_PHOTOS_PER_VISIT; i++) expect((await photo(m, id, PNG, 'image/png', `doc-${i % 5}`)).status).toBe(201);
    expectError(await photo(m, id, PNG), 422, 'STAFF_FILE_LIMIT_REACHED');
  });

  it('are seen by the elder, consenting family and the assigned staff member only; others are told nothing exists', async () => {
    const { w, m, id, version } = await atTheDoor();
    const customerPhoto = await server.http('POST', `/api/bookings/${id}/files`, { token: w.elder.token, rawBody: new Uint8Array(PNG), headers: { 'content-type': 'image/png' } });
    const staffPhoto = (await photo(m, id, PNG)).json();
    const signature = (await sign(m, id, PNG)).json().signature;
    const family = await createCustomer(server.db, { at: null });
    await linkFamily(server.db, family.id, w.elder.id);
    const unlinked = await createCustomer(server.db, { at: null });
    const revoked = await createCustomer(server.db, { at: null });
    await linkFamily(server.db, revoked.id, w.elder.id, { revoked: true });
    const urls = [customerPhoto.json().url, staffPhoto.url, signature.url];

    for (const token of [w.elder.token, await signIn(server.http, family.id), m.token]) {
      const list = await get(token, `/api/bookings/${id}/files`);
      expect(list.json().map((f: { kind: string; itemKey: string | null }) => [f.kind, f.itemKey])).toEqual([['customer', null], ['staff', 'doc-0'], ['signature', null]]);
      for (const url of urls) expect((await get(token, url)).status).toBe(200);
    }
    for (const token of [await signIn(server.http, unlinked.id), await signIn(server.http, revoked.id), w.staff[1].token]) {
      expectError(await get(token, `/api/bookings/${id}/files`), 404, 'NOT_FOUND');
      for (const url of urls) expectError(await get(token, url), 404, 'NOT_FOUND');
    }
    expectError(await get(w.staff[1].token, `/api/staff/tasks/${id}`), 404, 'NOT_FOUND');
    expectError(await photo(w.staff[1], id, PNG), 404, 'NOT_FOUND');

    // Finished: the photos are the customer's again.
    await fillCompletionRecord(server.http, m.token, id);
    expect((await staffAct(server.http, m.token, id, 'complete', { version })).status).toBe(200);
    for (const url of urls) expect([(await get(m.token, url)).status, (await get(w.elder.token, url)).status]).toEqual([404, 200]);
    expect((await get(m.token, `/api/staff/tasks/${id}`)).json().files).toEqual([]);
  });
});

describe('the signature', () => {
  it('is a PNG of at most 512 KB; signing again replaces the earlier one, row and bytes', async () => {
    const { w, m, id } = await atTheDoor();
    const before = stored();
    expectError(await sign(m, id, jpegOf(2048), 'image/jpeg'), 415, 'FILE_TYPE_NOT_ALLOWED');
    expectError(await sign(m, id, pngOf(MAX_SIGNATURE_BYTES + 1)), 413, 'FILE_TOO_LARGE');
    expect(stored()).toBe(before);

    const first = (await sign(m, id, PNG)).json();
    expect(first.signature).toMatchObject({ url: `/api/files/${first.signature.fileId}`, signedAt: server.clock.now().toISOString() });
    expect(first.blockers).not.toContain('请客户在屏幕上签名');
    server.clock.advanceMinutes(3);
    const second = (await sign(m, id, pngOf(1024))).json();
    expect(second.signature.fileId).not.toBe(first.signature.fileId);
    expect(second.signature.signedAt).toBe(server.clock.now().toISOString());
    expect(stored()).toBe(before + 1);
    expectError(await get(w.elder.token, first.signature.url), 404, 'NOT_FOUND');
    const now = await get(w.elder.token, second.signature.url);
    expect([now.status, now.headers.get('content-type')]).toEqual([200, 'image/png']);
    const signatures = await server.db.query(`select id from booking_files where booking_id = $1 and kind = 'signature'`, [id]);
    expect(signatures.rows).toEqual([{ id: second.signature.fileId }]);
    expect((await get(w.elder.token, `/api/bookings/${id}`)).json().record.signedAt).toBe(second.signature.signedAt);
  });
});
