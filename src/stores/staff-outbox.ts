/**
 * The staff member's outbox: every write on a visit (actions, checklist, notes, photos, the
 * signature) goes in here first, kept in the phone's storage, and is sent in order, one at a
 * time, each with the Idempotency-Key made when the person tapped, so the server applies it once
 * however often it is sent. No answer keeps the entry and tries again (when the network comes
 * back, when a page is shown, and on a timer that waits longer each time); a refusal drops it and
 * keeps the server's message for the task page.
 */
import { makeAutoObservable, runInAction, toJS } from 'mobx';
import type { StaffApi } from '@/api/staff-api';
import { defaultKeyFactory, type KeyFactory } from './ports';
import { loadOutbox, removeEntry, saveEntry, saveIndex, type OutboxEntry, type OutboxWrite } from './staff-outbox-entry';
import { classifyFailure, sendEntry, type Refusal, type SendResult } from './staff-outbox-send';
import { RetryPlan } from './staff-outbox-retry';
import { realTimer, type DeviceStorage, type NetworkWatch, type Timer } from './staff-ports';

export type { OutboxEntry, OutboxWrite, Refusal, SendResult };

export { RETRY_DELAYS_MS } from './staff-outbox-retry';

export type Settled = { entry: OutboxEntry; sent: SendResult } | { entry: OutboxEntry; refused: Refusal };

export interface OutboxDeps {
  api: StaffApi;
  /** Absent: kept in memory only. */
  storage?: DeviceStorage | null;
  network?: NetworkWatch;
  timer?: Timer;
  newKey?: KeyFactory;
  now?: () => Date;
}

export class StaffOutbox {
  /** Waiting to be sent, oldest first. */
  entries: OutboxEntry[] = [];
  /** Per task: the last write the server refused, with its message. */
  refusals: Record<string, Refusal> = {};
  sending = false;
  /** Nothing got through on the last try; another is planned. */
  retrying = false;
  /** Set when the queue empties after sending; cleared by the next write. */
  allSent = false;
  /** Per task: the version its last sent action returned (the next queued action carries it). */
  private versions: Record<string, number> = {};
  private userId: string | null = null;
  private generation = 0;
  private readonly retry: RetryPlan;
  private round: Promise<void> | null = null;
  private listeners: Array<(s: Settled) => void> = [];
  private readonly newKey: KeyFactory;
  private readonly now: () => Date;

  constructor(private readonly deps: OutboxDeps) {
    this.retry = new RetryPlan(deps.timer ?? realTimer);
    this.newKey = deps.newKey ?? defaultKeyFactory;
    this.now = deps.now ?? (() => new Date());
    makeAutoObservable<StaffOutbox, 'deps' | 'versions' | 'generation' | 'retry' | 'round' | 'listeners' | 'newKey' | 'now'>(
      this,
      { deps: false, versions: false, generation: false, retry: false, round: false, listeners: false, newKey: false, now: false },
      { autoBind: true },
    );
    deps.network?.(() => void this.flush());
  }

  get count(): number {
    return this.entries.length;
  }

  pendingFor(taskId: string): OutboxEntry[] {
    return this.entries.filter((e) => e.taskId === taskId);
  }

  /** Tells `listener` about each entry the server took or refused; returns how to stop. */
  onSettled(listener: (s: Settled) => void): () => void {
    this.listeners.push(listener);
    return () => (this.listeners = this.listeners.filter((l) => l !== listener));
  }

  /** The signed-in staff member's waiting writes come back from storage (null: nobody's). */
  attach(userId: string | null): void {
    if (userId === this.userId) return;
    this.forget();
    this.userId = userId;
    if (!userId || !this.deps.storage) return;
    const stored = loadOutbox(this.deps.storage, userId);
    this.entries = stored.entries;
    this.versions = stored.versions;
    void this.flush();
  }

  /** Sign-out: forget what is in memory (it stays in storage for this person's next sign-in). */
  reset(): void {
    this.forget();
    this.userId = null;
  }

  /**
   * Queues a write made by a tap and starts sending. An action carries `taskVersion` unless an
   * earlier action of the same task is still waiting: then it carries what that one returns.
   */
  enqueue(taskId: string, label: string, write: OutboxWrite, taskVersion?: number): OutboxEntry {
    // Plain data only (a location may come from an observable): storage and the request copy it.
    write = toJS(write);
    if (write.kind === 'action') {
      const chained = this.pendingFor(taskId).some((e) => e.write.kind === 'action');
      write = { ...write, version: chained ? null : (taskVersion ?? null) };
    }
    const entry: OutboxEntry = { key: this.newKey(), taskId, label, at: this.now().toISOString(), write, kept: true };
    if (this.deps.storage && this.userId) entry.kept = saveEntry(this.deps.storage, this.userId, entry);
    this.entries.push(entry);
    this.allSent = false;
    delete this.refusals[taskId];
    this.persistIndex();
    void this.flush();
    return entry;
  }

  dismissRefusal(taskId: string): void {
    delete this.refusals[taskId];
  }

  /**
   * Sends what is waiting, in order, one at a time, until the queue is empty or nothing gets
   * through. While a round runs, calling again returns that round (it also sends what is added meanwhile).
   */
  flush(): Promise<void> {
    if (this.round) return this.round;
    if (!this.entries.length) return Promise.resolve();
    this.retry.cancel();
    this.sending = true;
    const round: Promise<void> = this.drain(this.generation).then((emptied) => {
      if (this.round !== round) return;
      this.round = null;
      // Something tapped just as the round ended: send it too.
      if (emptied && this.entries.length) return this.flush();
    });
    this.round = round;
    return round;
  }

  /** True when it ran until the queue was empty; false when it stopped to wait. */
  private async drain(generation: number): Promise<boolean> {
    let sentAny = false;
    try {
      while (this.entries.length && generation === this.generation) {
        if ((await this.sendFirst(generation)) === 'stop') return false;
        sentAny = true;
      }
      runInAction(() => {
        this.retry.reset();
        this.retrying = false;
        if (sentAny && generation === this.generation) this.allSent = true;
      });
      return generation === this.generation;
    } finally {
      runInAction(() => {
        if (generation === this.generation) this.sending = false;
      });
    }
  }

  /** 'next' when the first entry is settled (sent or refused); 'stop' when it must wait. */
  private async sendFirst(generation: number): Promise<'next' | 'stop'> {
    const entry = this.entries[0];
    try {
      const version = await this.versionFor(entry);
      const sent = await sendEntry(this.deps.api, entry, version);
      if (generation !== this.generation) return 'stop';
      runInAction(() => this.settle(entry, sent));
      this.listeners.forEach((l) => l({ entry, sent }));
      return 'next';
    } catch (err) {
      if (generation !== this.generation) return 'stop';
      const failure = classifyFailure(err, entry.label);
      if (failure.kind === 'retry') {
        runInAction(() => (this.retrying = true));
        this.retry.schedule(() => void this.flush());
      }
      if (failure.kind !== 'refused') return 'stop';
      runInAction(() => this.drop(entry, failure.refusal));
      this.listeners.forEach((l) => l({ entry, refused: failure.refusal }));
      return 'next';
    }
  }

  /** The version an action carries: its own, the chain's, or (after a refusal broke the chain) the server's. */
  private async versionFor(entry: OutboxEntry): Promise<number> {
    if (entry.write.kind !== 'action') return 0;
    const known = entry.write.version ?? this.versions[entry.taskId];
    if (known !== undefined && known !== null) return known;
    return (await this.deps.api.staffTask(entry.taskId)).task.version;
  }

  private settle(entry: OutboxEntry, sent: SendResult): void {
    if (sent.kind === 'action') {
      if (sent.task) this.versions[entry.taskId] = sent.task.version;
      else delete this.versions[entry.taskId];
    }
    this.remove(entry);
  }

  private drop(entry: OutboxEntry, refusal: Refusal): void {
    // The chain is broken: the next action of this task asks the server for the version.
    if (entry.write.kind === 'action') delete this.versions[entry.taskId];
    this.refusals[entry.taskId] = refusal;
    this.remove(entry);
  }

  private remove(entry: OutboxEntry): void {
    this.entries = this.entries.filter((e) => e.key !== entry.key);
    // Once no action of the task waits, its version comes from the task again (never a stale chain).
    if (!this.pendingFor(entry.taskId).some((e) => e.write.kind === 'action')) delete this.versions[entry.taskId];
    this.persistIndex();
    if (this.deps.storage && this.userId) removeEntry(this.deps.storage, this.userId, entry.key);
  }

  private persistIndex(): void {
    if (this.deps.storage && this.userId) saveIndex(this.deps.storage, this.userId, this.entries, this.versions);
  }

  private forget(): void {
    this.generation += 1;
    this.round = null;
    this.retry.reset();
    this.entries = [];
    this.refusals = {};
    this.versions = {};
    this.sending = false;
    this.retrying = false;
    this.allSent = false;
  }
}
