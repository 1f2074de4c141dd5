/** The FileStore the configuration asks for: an S3-compatible bucket when set, else local disk. */
import type { AppConfig } from '../config';
import { LocalDiskStore, type FileStore } from './file-store';
import { S3Store } from './s3-store';

export function fileStoreFor(config: Pick<AppConfig, 's3' | 'filesDir'>): FileStore & { close?(): void } {
  return config.s3 ? new S3Store(config.s3) : new LocalDiskStore(config.filesDir);
}

export type { FileStore } from './file-store';
