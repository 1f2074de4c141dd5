/**
 * The mini-program's logic layer: the build's JavaScript runs in its own `vm` context that has
 * WeChat's globals (wx, App, Page, Component, getApp, getCurrentPages, require, timers, console)
 * and, as in WeChat, no window, document, fetch or Node built-ins. Code that reaches for a browser
 * global throws a ReferenceError here, exactly where it would break on a phone.
 */
import fs from 'node:fs';
import path from 'node:path';
import timers from 'node:timers';
import vm from 'node:vm';

/** Something went wrong in the app: a thrown error, a rejected promise, console.error, a view that failed to render. */
export interface AppError {
  kind: 'exception' | 'unhandled-rejection' | 'console.error' | 'timer' | 'render';
  message: string;
}

export type Options = Record<string, unknown>;

export interface RealmHooks {
  wx: Record<string, unknown>;
  getCurrentPages(): unknown[];
}

interface CjsModule {
  exports: unknown;
}

function describe(value: unknown): string {
  if (value && typeof value === 'object' && 'stack' in value && typeof (value as Error).stack === 'string') return (value as Error).stack as string;
  if (value && typeof value === 'object' && 'message' in value) return String((value as Error).message);
  try {
    return typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    return String(value);
  }
}

export class AppRealm {
  readonly errors: AppError[] = [];
  readonly logs: string[] = [];
  appOptions: Options | null = null;
  readonly pageOptions = new Map<string, Options>();
  readonly componentOptions = new Map<string, Options>();
  private readonly context: vm.Context;
  private readonly modules = new Map<string, CjsModule>();
  private readonly timerHandles = new Set<NodeJS.Timeout>();
  /** The build file being executed (Page()/Component() register under its path). */
  private loading: string | null = null;
  private closed = false;
  private readonly parseInRealm: (json: string) => unknown;
  private appInstance: unknown = null;

  constructor(
    readonly distDir: string,
    hooks: RealmHooks,
  ) {
    this.context = vm.createContext(this.globals(hooks), { name: 'weapp app service', codeGeneration: { strings: false, wasm: false } });
    this.parseInRealm = vm.runInContext('(function (s) { return JSON.parse(s); })', this.context) as (json: string) => unknown;
  }

  /** A value copied into the app's realm (its own Object/Array prototypes), the way WeChat passes data between threads. */
  copyIn<T>(value: T): T {
    return (value === undefined ? undefined : this.parseInRealm(JSON.stringify(value))) as T;
  }

  /** Runs a build file (path relative to the build root, with or without .js) once. */
  load(file: string): unknown {
    const rel = path.posix.normalize(file.endsWith('.js') ? file : `${file}.js`).replace(/^\/+/, '');
    const cached = this.modules.get(rel);
    if (cached) return cached.exports;
    const full = path.join(this.distDir, rel);
    if (!fs.existsSync(full)) throw new Error(`module "${rel}" is not defined`);
    const module: CjsModule = { exports: {} };
    this.modules.set(rel, module);
    const source = fs.readFileSync(full, 'utf8');
    const wrapper = new vm.Script(`(function (require, module, exports) {${source}\n})`, { filename: full });
    const fn = wrapper.runInContext(this.context) as (req: (p: string) => unknown, m: CjsModule, e: unknown) => void;
    const previous = this.loading;
    this.loading = rel.replace(/\.js$/, '');
    try {
      fn((request) => this.load(path.posix.join(path.posix.dirname(rel), request)), module, module.exports);
    } finally {
      this.loading = previous;
    }
    return module.exports;
  }

  /** Calls into the app code; an exception is recorded (as WeChat reports it) and not rethrown. */
  call<R>(what: string, fn: () => R): R | undefined {
    try {
      return fn();
    } catch (err) {
      this.record('exception', `${what}: ${describe(err)}`);
      return undefined;
    }
  }

  record(kind: AppError['kind'], message: string): void {
    if (!this.closed) this.errors.push({ kind, message });
  }

  /** Stops every timer the app started; later callbacks and errors are ignored. */
  close(): void {
    this.closed = true;
    for (const h of this.timerHandles) timers.clearTimeout(h);
    this.timerHandles.clear();
  }

  private globals(hooks: RealmHooks): Record<string, unknown> {
    const timer =
      (repeat: boolean) =>
      (cb: unknown, ms?: number, ...args: unknown[]) => {
        if (typeof cb !== 'function') throw new TypeError('setTimeout needs a function (WeChat does not evaluate strings)');
        const run = () => {
          if (!repeat) this.timerHandles.delete(handle);
          if (this.closed) return;
          try {
            (cb as (...a: unknown[]) => void)(...args);
          } catch (err) {
            this.record('timer', describe(err));
          }
        };
        const handle = repeat ? timers.setInterval(run, ms ?? 0) : timers.setTimeout(run, ms ?? 0);
        this.timerHandles.add(handle);
        return handle;
      };
    const clear = (h: NodeJS.Timeout | undefined) => {
      if (!h) return;
      timers.clearTimeout(h);
      this.timerHandles.delete(h);
    };
    const log =
      (level: string) =>
      (...args: unknown[]) => {
        const line = args.map(describe).join(' ');
        this.logs.push(`${level}: ${line}`);
        if (level === 'error') this.record('console.error', line);
      };
    return {
      wx: hooks.wx,
      console: { log: log('log'), info: log('info'), debug: log('debug'), warn: log('warn'), error: log('error') },
      setTimeout: timer(false),
      setInterval: timer(true),
      clearTimeout: clear,
      clearInterval: clear,
      App: (options: Options) => {
        this.appOptions = options;
      },
      Page: (options: Options) => {
        if (!this.loading) throw new Error('Page() called outside a page file');
        this.pageOptions.set(this.loading, options);
      },
      Component: (options: Options) => {
        if (!this.loading) throw new Error('Component() called outside a component file');
        this.componentOptions.set(this.loading, options);
      },
      Behavior: (options: Options) => options,
      getApp: () => this.appInstance,
      getCurrentPages: () => hooks.getCurrentPages(),
      require: (request: string) => this.load(request),
    };
  }

  /** The object App() options become: WeChat hands the same one to getApp(). */
  createAppInstance(): Record<string, unknown> {
    const app = vm.runInContext('({})', this.context) as Record<string, unknown>;
    Object.assign(app, this.appOptions ?? {});
    this.appInstance = app;
    return app;
  }

  /** A fresh, empty object of the app's realm. */
  newObject(): Record<string, unknown> {
    return vm.runInContext('({})', this.context) as Record<string, unknown>;
  }
}
