/**
 * 我的 → 服务偏好: the dialect and the staff gender an elder would like. An elder sets their own;
 * a family member may set them for a consenting elder (the visits are the elder's).
 */
import type { Preferences } from '@domain';
import type { Db } from '../../db';
import type { AuthUser } from '../../types';
import { actingRoleFor } from '../customers/access';
import * as repo from './repository';

export class PreferencesService {
  constructor(private readonly db: Db) {}

  async get(actor: AuthUser, elderId = actor.id): Promise<Preferences> {
    return this.db.transaction(async (tx) => {
      await actingRoleFor(tx, actor.id, elderId);
      return repo.readPreferences(tx, elderId);
    });
  }

  async put(actor: AuthUser, body: Preferences, elderId = actor.id): Promise<Preferences> {
    return this.db.transaction(async (tx) => {
      await actingRoleFor(tx, actor.id, elderId);
      return repo.writePreferences(tx, elderId, body);
    });
  }
}
