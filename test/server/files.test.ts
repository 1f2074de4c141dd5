/** Photos of claim documents: images only, at most 5 MB, seen only by the elder, consenting family and the assigned staff. */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ERROR_CATALOG, MAX_FILE_BYTES } from '@domain';
import { book, china, createCustomer, createStaff, linkFamily, signIn, uniqueArea } from '../helpers/fixtures';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { fillCompletionRecord } from '../helpers/visits';

const filesDir = mkdtempSync(join(tmpdir(), 'homevisit-files-'));
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { FILES_DIR: filesDir } });
});
afterAll(() => server.close());

/** A real 1×1 PNG. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f8a0d60000000049454e44ae426082', 'hex');
const jpegOf = (size: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(size - 4)]);

async function upload(token: string, bookingId: string, body: Buffer | string, contentType = 'image/png') {
  const res = await fetch(`${server.baseUrl}/api/bookings/${bookingId}/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: res.status, json: await res.json() };
}

async function fetchFile(token: string, url: string) {
  const res = await fetch(`${server.baseUrl}${url}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}

async function bookedVisit() {
  const area = uniqueArea();
  const elder = await createCustomer(server.db, { name: '郑淑珍', at: area });
  const staff = await createStaff(server.db, { at: area });
  const token = await signIn(server.http, elder.id);
  const res = await book(server.http, token, { addressId: elder.addressId as string, slotStart: china('2030-01-08', '09:00') });
  expect(res.status).toBe(201);
  return { elder, staff, token, bookingId: res.json().id as string };
}

const stored = () => readdirSync(filesDir).length;

describe('document photos', () => {
  it('the elder uploads a photo; it is listed and comes back byte for byte', async () => {
    const { token, bookingId } = await bookedVisit();
    const before = stored();
    const res = await upload(token, bookingId, PNG);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ bookingId, contentType: 'image/png', sizeBytes: PNG.length, url: `/api/files/${res.json.id}` });
    expect(stored()).toBe(before + 1);
    const list = await server.http('GET', `/api/bookings/${bookingId}/files`, { token });
    expect(list.json()).toEqual([res.json]);
    const file = await fetchFile(token, res.json.url);
    expect([file.status, file.type]).toEqual([200, 'image/png']);
    expect(file.bytes.equals(PNG)).toBe(true);
  });

  it('consenting family and the assigned staff member may see it; nobody else, not even other staff', async () => {
    const { elder, staff, token, bookingId } = await bookedVisit();
    const { json: photo } = await upload(token, bookingId, PNG);
    const child = await createCustomer(server.db, { at: null });
    await linkFamily(server.db, child.id, elder.id);
    const stranger = await createCustomer(server.db, { at: null });
    const otherStaff = await createStaff(server.db, { at: uniqueArea() });
    expect((await fetchFile(await signIn(server.http, child.id), photo.url)).status).toBe(200);
    expect((await fetchFile(await signIn(server.http, staff.id), photo.url)).status).toBe(200);
    for (const id of [stranger.id, otherStaff.id]) {
      const t = await signIn(server.http, id);
      expect((await fetchFile(t, photo.url)).status).toBe(404);
      expect((await server.http('GET', `/api/bookings/${bookingId}/files`, { token: t })).status).toBe(404);
    }
    // Nobody but the elder's side may add photos to the visit.
    const byStranger = await upload(await signIn(server.http, stranger.id), bookingId, PNG);
    expect([byStranger.status, byStranger.json.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('the staff member loses sight of the photos once the visit is no longer theirs; the elder keeps them', async () => {
    const { staff, token, bookingId } = await bookedVisit();
    const { json: photo } = await upload(token, bookingId, PNG);
    const staffToken = await signIn(server.http, staff.id);
    expect((await fetchFile(staffToken, photo.url)).status).toBe(200);
    // The visit is done from start to end; afterwards the photos are the customer's again.
    let version = (await server.http('GET', `/api/bookings/${bookingId}`, { token })).json().version;
    const act = async (action: string, extra: Record<string, unknown> = {}) => {
      const res = await server.http('POST', `/api/staff/tasks/${bookingId}/${action}`, { token: staffToken, body: { version, ...extra } });
      expect([action, res.status]).toEqual([action, 200]);
      version = res.json().version;
    };
    await act('confirm');
    await act('depart');
    await act('arrive', { doorCode: (await server.http('GET', `/api/bookings/${bookingId}`, { token })).json().doorCode });
    await act('start');
    expect((await fetchFile(staffToken, photo.url)).status).toBe(200);
    await fillCompletionRecord(server.http, staffToken, bookingId);
    await act('complete');
    expect((await fetchFile(staffToken, photo.url)).status).toBe(404);
    expect((await server.http('GET', `/api/bookings/${bookingId}/files`, { token: staffToken })).status).toBe(404);
    expect((await fetchFile(token, photo.url)).status).toBe(200);
  });

  it('refuses what is not a photo or is too large, saying what to do, and keeps nothing', async () => {
    const { token, bookingId } = await bookedVisit();
    const before = stored();
    const cases: Array<[Buffer | string, string, number, keyof typeof ERROR_CATALOG]> = [
      ['not an image at all', 'image/png', 415, 'FILE_TYPE_NOT_ALLOWED'],
      [Buffer.from('%PDF-1.7 a document'), 'application/pdf', 415, 'FILE_TYPE_NOT_ALLOWED'],
      ['{"a":1}', 'application/json', 415, 'FILE_TYPE_NOT_ALLOWED'],
      [jpegOf(MAX_FILE_BYTES + 1), 'image/jpeg', 413, 'FILE_TOO_LARGE'],
      [jpegOf(12 * 1024 * 1024), 'image/jpeg', 413, 'FILE_TOO_LARGE'],
    ];
    for (const [body, type, status, code] of cases) {
      const res = await upload(token, bookingId, body, type);
      expect([res.status, res.json.code]).toEqual([status, code]);
      expect(res.json.message).toBe(ERROR_CATALOG[code].message);
    }
    expect(stored()).toBe(before);
    expect((await server.http('GET', `/api/bookings/${bookingId}/files`, { token })).json()).toEqual([]);
  });

  it('a photo of exactly 5 MB is fine; the 13th photo of a visit is refused', async () => {
    const { token, bookingId } = await bookedVisit();
    expect((await upload(token, bookingId, jpegOf(MAX_FILE_BYTES), 'image/jpeg')).status).toBe(201);
    for (let i = 2; i <= 12; i++) expect((await upload(token, bookingId, PNG)).status).toBe(201);
    const thirteenth = await upload(token, bookingId, PNG);
    expect([thirteenth.status, thirteenth.json.code]).toEqual([422, 'FILE_LIMIT_REACHED']);
  });
});
