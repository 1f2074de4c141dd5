/**
 * Uploaded bytes in an S3-compatible bucket (AWS S3, MinIO, Ceph, OSS/COS in S3 mode): so several
 * API instances share one store and the files outlive any one machine. Names are random, so a
 * name that already exists means a bug: it is refused, never overwritten.
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { S3Config } from '../config';
import type { FileStore } from './file-store';

/** A missing object, told apart from every other failure (network, credentials, bucket). */
function isNotFound(err: unknown): boolean {
  if (!(err instanceof S3ServiceException)) return false;
  return err.name === 'NoSuchKey' || err.name === 'NotFound' || err.$metadata?.httpStatusCode === 404;
}

export class FileExistsError extends Error {
  constructor(name: string) {
    super(`refusing to overwrite stored file ${name}`);
    this.name = 'FileExistsError';
  }
}

export class S3Store implements FileStore {
  readonly kind = 's3' as const;
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(config: S3Config) {
    this.bucket = config.bucket;
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      // Explicit, so the SDK never goes looking in the environment or an instance profile.
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      // Many S3-compatible stores refuse the newer default checksum headers; send them only
      // where S3 itself requires them.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(name: string, bytes: Buffer, contentType: string): Promise<void> {
    // Stores without conditional writes ignore If-None-Match: the existence check covers them.
    if (await this.exists(name)) throw new FileExistsError(name);
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: name, Body: bytes, ContentType: contentType, IfNoneMatch: '*' }),
    );
  }

  async get(name: string): Promise<Buffer> {
    const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: name }));
    if (!res.Body) throw new Error(`stored file ${name} has no body`);
    return Buffer.from(await res.Body.transformToByteArray());
  }

  async delete(name: string): Promise<void> {
    // S3 answers a delete of a missing key with success too.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: name }));
  }

  private async exists(name: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: name }));
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  close(): void {
    this.client.destroy();
  }
}
