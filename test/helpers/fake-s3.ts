/**
 * A fake S3 for tests: s3rver, a real HTTP server speaking the S3 protocol (signed requests,
 * path-style buckets), on 127.0.0.1 and a free port, keeping objects in a temporary folder.
 *
 *   const s3 = await startFakeS3();            // in beforeAll
 *   startTestServer({ env: s3.env() });        // the app stores files in the fake bucket
 *   await s3.objectBytes(name);                // what the bucket holds, read behind the app's back
 *   await s3.close();                          // in afterAll
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { S3Config } from '../../server/config';

export interface FakeS3 {
  readonly bucket: string;
  readonly endpoint: string;
  /** The store configuration as the server would read it from the environment. */
  config(): S3Config;
  /** Environment variables that point the server at this fake. */
  env(): Record<string, string>;
  /** Names of the objects in the bucket. */
  objectNames(): string[];
  /** The bytes of an object, read straight from the fake's own storage. */
  objectBytes(name: string): Promise<Buffer>;
  close(): Promise<void>;
}

/** s3rver keeps each object as <dir>/<bucket>/<key>._S3rver_object (plus metadata files). */
const OBJECT_SUFFIX = '._S3rver_object';

export async function startFakeS3(bucket = 'homevisit-test'): Promise<FakeS3> {
  const directory = mkdtempSync(join(tmpdir(), 'homevisit-s3-'));
  // s3rver's own credentials: it checks every request's signature against them.
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  const address = (await server.run()) as AddressInfo;
  const endpoint = `http://127.0.0.1:${address.port}`;
  const bucketDir = join(directory, bucket);
  return {
    bucket,
    endpoint,
    config: () => ({ endpoint, bucket, region: 'us-east-1', forcePathStyle: true, ...credentials }),
    env: () => ({ S3_ENDPOINT: endpoint, S3_BUCKET: bucket, S3_ACCESS_KEY_ID: credentials.accessKeyId, S3_SECRET_ACCESS_KEY: credentials.secretAccessKey }),
    objectNames: () =>
      readdirSync(bucketDir)
        .filter((f) => f.endsWith(OBJECT_SUFFIX))
        .map((f) => f.slice(0, -OBJECT_SUFFIX.length)),
    objectBytes: (name) => readFile(join(bucketDir, `${name}${OBJECT_SUFFIX}`)),
    close: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
