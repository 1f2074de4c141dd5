import { DomainError } from '@domain';
import type { Db } from '../../db';
import { avatarSvg } from './avatar';
import { findStaffByPhoto } from './repository';

/** A bare file name: no slashes, no dots but the extension, so no path can escape. */
export const PHOTO_FILE_PATTERN = /^[A-Za-z0-9_-]{1,64}\.svg$/;

export class MediaService {
  constructor(private readonly db: Db) {}

  async staffPhoto(file: string): Promise<string> {
    if (!PHOTO_FILE_PATTERN.test(file)) throw new DomainError('NOT_FOUND');
    const staff = await findStaffByPhoto(this.db, file);
    if (!staff) throw new DomainError('NOT_FOUND');
    return avatarSvg(staff.name, staff.staffNo);
  }
}
