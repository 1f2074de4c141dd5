/**
 * One contract for every FileStore: local disk and an S3-compatible bucket (s3rver, a fake S3
 * speaking the real HTTP protocol) keep bytes under a name, give them back, refuse to overwrite,
 * and treat a missing name the same way. Then the whole app on S3: a customer's document photo
 * goes into the bucket and comes back through the API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { ConfigError, loadConfig } from '../../server/config';
import { fileStoreFor } from '../../server/storage';
import { LocalDiskStore, type FileStore } from '../../server/storage/file-store';
import { S3Store } from '../../server/storage/s3-store';
import { startFakeS3, type FakeS3 } from '../helpers/fake-s3';
import { book, china, createCustomer, createStaff, signIn, uniqueArea } from '../helpers/fixtures';
import { startTestServer, type TestServer } from '../helpers/test-server';

let s3: FakeS3;
let s3Store: S3Store;
const diskDir = mkdtempSync(join(tmpdir(), 'homevisit-store-'));

beforeAll(async () => {
  s3 = await startFakeS3();
  s3Store = new S3Store(s3.config());
});
afterAll(async () => {
  s3Store?.close();
  await s3?.close();
  rmSync(diskDir, { recursive: true, force: true });
});

/** A real 1×1 PNG. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f8a0d60000000049454e44ae426082', 'hex');
const name = () => `${randomUUID()}.png`;

describe.each([
  ['local disk', () => new LocalDiskStore(diskDir) as FileStore],
  ['S3-compatible bucket', () => s3Store as FileStore],
])('the %s store', (_label, store) => {
  it('keeps bytes under a name and gives them back exactly', async () => {
    const n = name();
    const bytes = Buffer.concat([PNG, Buffer.from([0, 255, 128, 10, 13])]);
    await store().put(n, bytes, 'image/png');
    expect((await store().get(n)).equals(bytes)).toBe(true);
  });

  it('refuses to overwrite a name, keeping the first bytes', async () => {
    const n = name();
    await store().put(n, PNG, 'image/png');
    await expect(store().put(n, Buffer.from('other bytes'), 'image/png')).rejects.toThrow();
    expect((await store().get(n)).equals(PNG)).toBe(true);
  });

  it('fails to read a missing name, and deleting one is harmless', async () => {
    await expect(store().get(name())).rejects.toThrow();
    await expect(store().delete(name())).resolves.toBeUndefined();
  });

  it('forgets a deleted name', async () => {
    const n = name();
    await store().put(n, PNG, 'image/png');
    await store().delete(n);
    await expect(store().get(n)).rejects.toThrow();
  });
});

describe('choosing the store from the configuration', () => {
  const full = { S3_ENDPOINT: 'http://127.0.0.1:9000', S3_BUCKET: 'homevisit', S3_ACCESS_KEY_ID: 'key', S3_SECRET_ACCESS_KEY: 'secret' };

  it('keeps files on local disk unless S3 is configured, then uses the bucket (region and path style defaulted)', () => {
    expect(loadConfig({}).s3).toBeNull();
    expect(fileStoreFor(loadConfig({})).kind).toBe('local');
    const config = loadConfig(full);
    expect(config.s3).toEqual({ endpoint: full.S3_ENDPOINT, bucket: 'homevisit', accessKeyId: 'key', secretAccessKey: 'secret', region: 'us-east-1', forcePathStyle: true });
    expect(loadConfig({ ...full, S3_REGION: 'cn-north-1', S3_FORCE_PATH_STYLE: 'false' }).s3).toMatchObject({ region: 'cn-north-1', forcePathStyle: false });
    const store = fileStoreFor(config);
    expect(store.kind).toBe('s3');
    store.close?.();
  });

  it('refuses to start with half an S3 configuration, naming what is missing', () => {
    const { S3_SECRET_ACCESS_KEY: _secret, ...partial } = full;
    expect(() => loadConfig(partial)).toThrow(ConfigError);
    expect(() => loadConfig(partial)).toThrow(/S3_SECRET_ACCESS_KEY missing/);
    expect(() => loadConfig({ S3_REGION: 'us-east-1' })).toThrow(/S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY missing/);
    expect(() => loadConfig({ ...full, S3_ENDPOINT: 'minio:9000' })).toThrow(/S3_ENDPOINT/);
  });
});

describe('the app with an S3-compatible store configured', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: s3.env() });
  });
  afterAll(() => server?.close());

  it('puts a customer document photo in the bucket and serves it back through the API', async () => {
    const area = uniqueArea();
    const elder = await createCustomer(server.db, { name: '钱桂芬', at: area });
    await createStaff(server.db, { at: area });
    const token = await signIn(server.http, elder.id);
    const booked = await book(server.http, token, { addressId: elder.addressId as string, slotStart: china('2030-01-08', '09:00') });
    expect(booked.status).toBe(201);

    const before = s3.objectNames();
    const upload = await fetch(`${server.baseUrl}/api/bookings/${booked.json().id}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' },
      body: new Uint8Array(PNG),
    });
    expect(upload.status).toBe(201);
    const file = (await upload.json()) as { url: string };

    const fetched = await fetch(`${server.baseUrl}${file.url}`, { headers: { authorization: `Bearer ${token}` } });
    expect([fetched.status, fetched.headers.get('content-type')]).toEqual([200, 'image/png']);
    expect(Buffer.from(await fetched.arrayBuffer()).equals(PNG)).toBe(true);

    const added = s3.objectNames().filter((n) => !before.includes(n));
    expect(added).toHaveLength(1);
    expect((await s3.objectBytes(added[0])).equals(PNG)).toBe(true);
  });
});
