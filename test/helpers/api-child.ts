/**
 * The real API server (server/server.ts, as `npm start` runs it) as a child process that a test
 * can kill outright (SIGKILL: no shutdown hooks, no flushing) and start again on the same data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../e2e/support/server-process';

const ROOT = path.resolve(__dirname, '../..');

export interface ApiChild {
  url: string;
  /** Resolves once it answers /health; rejects if it exits first. */
  readonly ready: Promise<void>;
  readonly exited: Promise<void>;
  /** SIGKILL to the server and the tsx process that runs it. */
  kill(): void;
  /** SIGTERM (a clean shutdown), then waits for the exit. */
  stop(): Promise<void>;
  logs(): string;
}

async function waitForHealth(url: string, child: ChildProcess, logs: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited early:\n${logs()}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not become healthy:\n${logs()}`);
}

/** Starts it and returns at once: a test can hook a kill onto what the child does while it starts. */
export async function spawnApiChild(env: Record<string, string>): Promise<ApiChild> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'server/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', H5_DIR: '/nonexistent/h5', SEED_DEMO_DATA: 'false', OFFER_SWEEP_SECONDS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: tsx runs the server in a second node process, and a kill must reach both.
    detached: true,
  });
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const group = (signal: NodeJS.Signals | 0): boolean => {
    try {
      process.kill(-(child.pid as number), signal);
      return true;
    } catch {
      return false; // the group is gone
    }
  };
  // Exited: the tsx process and the server it ran (the database files are free again).
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve())).then(async () => {
    while (group(0)) await new Promise((r) => setTimeout(r, 20));
  });
  const ready = waitForHealth(url, child, () => output).catch((e: unknown) => {
    group('SIGKILL');
    throw e;
  });
  // Whoever waits on `exited` instead of `ready` must not see an unhandled rejection.
  ready.catch(() => undefined);
  return {
    url,
    ready,
    exited,
    logs: () => output,
    kill: () => group('SIGKILL'),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) group('SIGTERM');
      await exited;
    },
  };
}

export async function startApiChild(env: Record<string, string>): Promise<ApiChild> {
  const child = await spawnApiChild(env);
  await child.ready;
  return child;
}
