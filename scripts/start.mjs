#!/usr/bin/env node
/* global fetch -- Node 20 has fetch built in */
/**
 * `npm start`: one command, one URL. Builds the H5 app when dist/h5 is missing or older than its
 * sources, then runs the API server, which also serves the H5 app at /. A failed build does not
 * stop the API from starting: the page at / then says how to build it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const h5Index = join(root, 'dist', 'h5', 'index.html');
const SOURCE_DIRS = ['src', 'domain', 'config'];
const port = process.env.PORT || '3000';
const probeHost = process.env.HOST && !['0.0.0.0', '::'].includes(process.env.HOST) ? process.env.HOST : '127.0.0.1';

/** Newest modification time of any file under these folders (0 when none exist). */
function newestSourceTime() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(join(root, dir))) walk(join(root, dir));
  return newest;
}

function h5NeedsBuild() {
  if (!existsSync(join(root, 'src'))) return false;
  if (!existsSync(h5Index)) return true;
  return statSync(h5Index).mtimeMs < newestSourceTime();
}

function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32', ...options });
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
    child.on('error', () => resolve(1));
  });
}

async function buildH5IfNeeded() {
  if (!h5NeedsBuild()) {
    console.log(existsSync(h5Index) ? '网页版 (dist/h5) is up to date.' : 'No src/ folder: skipping the H5 build.');
    return;
  }
  console.log('Building the H5 app (npm run build:h5)… this takes about half a minute.');
  const code = await run('npm', ['run', 'build:h5']);
  if (code !== 0) {
    console.error('\n!! The H5 build failed (see above). Starting the API anyway; / will show how to build the app.\n');
  }
}

async function waitUntilHealthy(child) {
  const url = `http://${probeHost}:${port}/health`;
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

async function main() {
  await buildH5IfNeeded();
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/server.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PORT: port },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (server.exitCode === null) server.kill(signal);
    });
  }
  server.on('exit', (code, signal) => process.exit(signal ? 0 : (code ?? 0)));
  if (await waitUntilHealthy(server)) {
    console.log(`\n  安心上门 is running: open http://localhost:${port}/\n`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
