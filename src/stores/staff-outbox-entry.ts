/**
 * One write a staff member made on a visit, as the outbox keeps it until the server has it: what
 * to send, to which task, and the Idempotency-Key made when the person tapped. Kept in the
 * device's storage one entry per key (photos can be hundreds of KB; WeChat allows 1 MB a key),
 * with a small index per staff member listing the keys in order.
 */
import type { Location } from '@domain/schemas-lifecycle';
import type { DocumentStatus, EscortMilestone } from '@domain/visit-record';
import type { StaffActionName } from '@/api/staff-api';
import type { DeviceStorage } from './staff-ports';

export type OutboxWrite =
  | {
      kind: 'action';
      action: StaffActionName;
      reason?: string;
      doorCode?: string;
      location?: Location;
      /** The task's version when tapped; null when an earlier queued action's answer gives it. */
      version: number | null;
    }
  | { kind: 'document'; key: string; status: DocumentStatus; originalTaken: boolean }
  | { kind: 'milestone'; key: EscortMilestone; done: boolean; at: string }
  | { kind: 'assessment'; notes: string }
  | { kind: 'photo'; itemKey: string; contentType: string; base64: string; localPath: string }
  | { kind: 'signature'; base64: string; localPath: string };

export interface OutboxEntry {
  /** The Idempotency-Key: the server applies this write once, however often it arrives. */
  key: string;
  taskId: string;
  /** What the person did, in Chinese, for the "waiting to be sent" list. */
  label: string;
  /** When the person tapped (ISO instant). */
  at: string;
  write: OutboxWrite;
  /** False when the phone could not keep it (storage full): it is lost if the app closes first. */
  kept: boolean;
}

/** What the index keeps besides the order: the version each task's last sent action returned. */
export interface OutboxIndex {
  v: 1;
  keys: string[];
  versions: Record<string, number>;
}

const indexKey = (userId: string) => `homevisit.outbox.${userId}`;
const entryKey = (userId: string, key: string) => `homevisit.outbox.${userId}.${key}`;

function isEntry(v: unknown): v is OutboxEntry {
  if (!v || typeof v !== 'object') return false;
  const e = v as Partial<OutboxEntry>;
  return typeof e.key === 'string' && typeof e.taskId === 'string' && typeof e.label === 'string' && !!e.write && typeof e.write.kind === 'string';
}

function readIndex(storage: DeviceStorage, userId: string): OutboxIndex {
  const raw = storage.get(indexKey(userId)) as Partial<OutboxIndex> | null;
  if (!raw || raw.v !== 1 || !Array.isArray(raw.keys)) return { v: 1, keys: [], versions: {} };
  return { v: 1, keys: raw.keys.filter((k) => typeof k === 'string'), versions: raw.versions && typeof raw.versions === 'object' ? raw.versions : {} };
}

/** This staff member's waiting writes, in order, and the version chain (damaged entries are skipped). */
export function loadOutbox(storage: DeviceStorage, userId: string): { entries: OutboxEntry[]; versions: Record<string, number> } {
  const index = readIndex(storage, userId);
  const entries = index.keys.map((k) => storage.get(entryKey(userId, k))).filter(isEntry);
  return { entries: entries.map((e) => ({ ...e, kept: true })), versions: index.versions };
}

/** Keeps one entry under its own key; false when storage refused it (too large, full). */
export function saveEntry(storage: DeviceStorage, userId: string, entry: OutboxEntry): boolean {
  return storage.set(entryKey(userId, entry.key), entry);
}

export function saveIndex(storage: DeviceStorage, userId: string, entries: OutboxEntry[], versions: Record<string, number>): void {
  const index: OutboxIndex = { v: 1, keys: entries.filter((e) => e.kept).map((e) => e.key), versions };
  storage.set(indexKey(userId), index);
}

export function removeEntry(storage: DeviceStorage, userId: string, key: string): void {
  storage.remove(entryKey(userId, key));
}
