import { makeAutoObservable, runInAction } from 'mobx';
import type { StaffTask } from '@domain/schemas';
import { ApiError, messageOf } from '@/api/api-error';
import type { ApiClient } from '@/api/client';
import type { LoadState } from './load-state';

/** A staff member's tasks, and confirming them. */
export class StaffStore {
  tasks: StaffTask[] = [];
  state: LoadState = 'idle';
  error: string | null = null;
  /** Task ids being confirmed right now (the button shows it and ignores a second tap). */
  confirming: string[] = [];
  /** Per task: the Chinese message of its last failed action. */
  taskErrors: Record<string, string> = {};

  constructor(private readonly api: ApiClient) {
    makeAutoObservable<StaffStore, 'api'>(this, { api: false }, { autoBind: true });
  }

  /** Whether the state machine lets this staff member confirm now (the server computed it). */
  canConfirm(task: StaffTask): boolean {
    return task.allowedActions.includes('confirm');
  }

  isConfirming(id: string): boolean {
    return this.confirming.includes(id);
  }

  reset(): void {
    this.tasks = [];
    this.state = 'idle';
    this.error = null;
    this.confirming = [];
    this.taskErrors = {};
  }

  async load(): Promise<void> {
    this.state = 'loading';
    this.error = null;
    try {
      const tasks = await this.api.staffTasks();
      runInAction(() => {
        this.tasks = tasks;
        this.state = 'ready';
      });
    } catch (err) {
      runInAction(() => {
        this.state = 'error';
        this.error = messageOf(err);
      });
    }
  }

  /** Sends the version seen, so a task that changed meanwhile is refused, not overwritten. */
  async confirm(id: string): Promise<boolean> {
    const task = this.tasks.find((t) => t.id === id);
    if (!task || this.isConfirming(id)) return false;
    this.confirming.push(id);
    delete this.taskErrors[id];
    try {
      const updated = await this.api.confirmTask(id, task.version);
      runInAction(() => this.replace(updated));
      return true;
    } catch (err) {
      runInAction(() => {
        this.taskErrors[id] = messageOf(err);
      });
      // The task changed under us: show what it is now (the message stays).
      if (err instanceof ApiError && (err.code === 'VERSION_CONFLICT' || err.code === 'TRANSITION_NOT_ALLOWED')) {
        await this.refreshKeepingErrors();
      }
      return false;
    } finally {
      runInAction(() => {
        this.confirming = this.confirming.filter((x) => x !== id);
      });
    }
  }

  private async refreshKeepingErrors(): Promise<void> {
    try {
      const tasks = await this.api.staffTasks();
      runInAction(() => {
        this.tasks = tasks;
      });
    } catch {
      // The error message already tells them to refresh.
    }
  }

  private replace(task: StaffTask): void {
    const i = this.tasks.findIndex((t) => t.id === task.id);
    if (i >= 0) this.tasks[i] = task;
  }
}
