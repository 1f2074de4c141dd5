/**
 * Where uploaded bytes live (document photos, signatures). The database keeps the row (who,
 * which visit, type, size, hash) and a random storage name; a FileStore keeps the bytes under that
 * name. Local disk by default (under .data/), an S3-compatible bucket when configured.
 */
import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface FileStore {
  readonly kind: 'local' | 's3';
  /** Refuses to overwrite: names are random, a clash means a bug. */
  put(name: string, bytes: Buffer, contentType: string): Promise<void>;
  get(name: string): Promise<Buffer>;
  /** Removing a name that is not there is not an error (cleaning up after a refused upload). */
  delete(name: string): Promise<void>;
}

export class LocalDiskStore implements FileStore {
  readonly kind = 'local' as const;

  constructor(private readonly dir: string) {}

  async put(name: string, bytes: Buffer): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeFile(join(this.dir, name), bytes, { flag: 'wx' });
  }

  get(name: string): Promise<Buffer> {
    return readFile(join(this.dir, name));
  }

  async delete(name: string): Promise<void> {
    await unlink(join(this.dir, name)).catch(() => undefined);
  }
}
