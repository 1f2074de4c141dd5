/**
 * The field staff workbench's stores, built together: one outbox that every staff write goes
 * through, shared by the task board and the task page; location sharing while travelling;
 * availability; joining by invitation. The outbox follows who is signed in: a staff member's
 * waiting writes come back from storage when they sign in, and nobody else ever sees them.
 */
import { reaction, runInAction } from 'mobx';
import type { SessionResponse } from '@domain/schemas';
import type { StaffTaskDetail } from '@domain/schemas-staff';
import type { StaffApi } from '@/api/staff-api';
import type { KeyFactory, TokenStore, WechatCodeSource } from './ports';
import type { SessionStore } from './session-store';
import { StaffAvailabilityStore } from './staff-availability-store';
import { StaffJoinStore } from './staff-join-store';
import { StaffOutbox } from './staff-outbox';
import type { DeviceStorage, LocationSource, NetworkWatch, TakenPhoto, Timer } from './staff-ports';
import { StaffStore } from './staff-store';
import { StaffRecordWrites } from './staff-record-writes';
import { StaffTaskStore, type TaskCache } from './staff-task-store';
import { StaffTravel } from './staff-travel';

/** The phone's side of the workbench (src/platform); each is optional so tests give only what they use. */
export interface StaffPorts {
  storage?: DeviceStorage | null;
  network?: NetworkWatch;
  timer?: Timer;
  location?: LocationSource | null;
  takePhoto?: () => Promise<TakenPhoto | null>;
  newKey?: KeyFactory;
  now?: () => Date;
}

export interface StaffStores {
  board: StaffStore;
  task: StaffTaskStore;
  /** The record of the day on the task page: documents, photos, milestones, notes, signature. */
  writes: StaffRecordWrites;
  outbox: StaffOutbox;
  travel: StaffTravel;
  availability: StaffAvailabilityStore;
  join: StaffJoinStore;
  /** Sign-out: forget everything in memory (waiting writes stay in storage for this person). */
  reset(): void;
}

const LAST_TASK_KEY = 'homevisit.staff.lastTask';

/** One task (the last opened) per phone, for its own staff member only; forgotten at sign-out. */
function lastTaskCache(storage: DeviceStorage, userId: () => string | null): TaskCache {
  return {
    load(taskId) {
      const v = storage.get(LAST_TASK_KEY) as { userId?: string; detail?: StaffTaskDetail } | null;
      return v && v.userId === userId() && v.detail?.task.id === taskId ? v.detail : null;
    },
    save(detail) {
      const id = userId();
      if (id) storage.set(LAST_TASK_KEY, { userId: id, detail });
    },
  };
}

interface SessionSide {
  session: SessionStore;
  tokens: TokenStore;
  wechatCode: WechatCodeSource;
}

export function createStaffStores(api: StaffApi, side: SessionSide, ports: StaffPorts = {}): StaffStores {
  const now = ports.now ?? (() => new Date());
  const outbox = new StaffOutbox({ api, storage: ports.storage, network: ports.network, timer: ports.timer, newKey: ports.newKey, now });
  const travel = new StaffTravel(api, ports.location ?? null, () => now().getTime());
  const signedIn = (s: SessionResponse) => {
    side.tokens.set(s.token);
    runInAction(() => {
      side.session.user = s.user;
      side.session.status = 'signedIn';
      side.session.error = null;
    });
  };
  const cache = ports.storage ? lastTaskCache(ports.storage, () => side.session.user?.id ?? null) : undefined;
  const task = new StaffTaskStore({ api, outbox, travel, cache });
  const stores: StaffStores = {
    board: new StaffStore(api, outbox, now),
    task,
    writes: new StaffRecordWrites({ task, outbox, takePhoto: ports.takePhoto, now }),
    outbox,
    travel,
    availability: new StaffAvailabilityStore(api, now),
    join: new StaffJoinStore(api, side.wechatCode, signedIn),
    reset() {
      ports.storage?.remove(LAST_TASK_KEY);
      outbox.reset();
      travel.reset();
      stores.board.reset();
      stores.task.reset();
      stores.writes.reset();
      stores.availability.reset();
      stores.join.reset();
    },
  };
  // Only a signed-in staff member's own waiting writes are loaded (and sent).
  reaction(
    () => (side.session.user?.role === 'staff' ? side.session.user.id : null),
    (id) => outbox.attach(id),
    { fireImmediately: true },
  );
  return stores;
}
