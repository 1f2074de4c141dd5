/**
 * The weapp layer can fail: copies of the real build with one deliberate WeChat-only breakage each
 * are caught by the same checks the other weapp tests run on the real build. (Each of these would
 * pass every H5 test: browsers have document and window, and browsers do not compile WXML.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from '../e2e/support/server-process';
import { codeFromStrings, syntaxProblems } from './checks/bundle';
import { DEFAULT_DIST, MiniProgram } from './sim/mini-program';
import { checkPageRenders } from './support/page-check';

let server: RunningServer;
let scratch: string;
const opened: MiniProgram[] = [];

/** A copy of the build with one file changed. */
function brokenCopy(name: string, file: string, change: (source: string) => string): string {
  const dir = path.join(scratch, name);
  fs.cpSync(DEFAULT_DIST, dir, { recursive: true });
  const target = path.join(dir, file);
  const before = fs.readFileSync(target, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the breakage for ${name} did not change ${file}`);
  fs.writeFileSync(target, after);
  return dir;
}

async function launch(distDir: string): Promise<MiniProgram> {
  const mp = await MiniProgram.launch({ serverUrl: server.url, distDir, name: path.basename(distDir) });
  opened.push(mp);
  return mp;
}

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-broken-'));
  server = await startServer();
}, 120_000);

afterAll(async () => {
  for (const mp of opened) mp.close();
  await server?.stop();
  fs.rmSync(scratch, { recursive: true, force: true });
});

test('control: the real build renders the sign-in page without a problem', async () => {
  const mp = await launch(DEFAULT_DIST);
  expect((await checkPageRenders(mp, 'pages/login/index')).problems).toEqual([]);
});

test('page code that touches document fails, as it would in WeChat', async () => {
  // The sign-in page sets document.title when it loads: fine in a browser, a ReferenceError in WeChat.
  const dir = brokenCopy('touches-document', 'pages/login/index.js', (s) =>
    s.replace(/Page\((\w+)\)/, 'Page((function(o){var l=o.onLoad;o.onLoad=function(q){document.title="安心上门";return l.call(this,q)};return o})($1))'),
  );
  const mp = await launch(dir);
  const result = await checkPageRenders(mp, 'pages/login/index');
  expect(result.problems.join('\n')).toMatch(/ReferenceError: document is not defined/);
});

test('sub-package code that touches window when it loads fails', async () => {
  const dir = brokenCopy('touches-window', 'booking/pages/type/index.js', (s) => s.replace('"use strict";', '"use strict";window.scrollTo(0,0);'));
  const mp = await launch(dir);
  const result = await checkPageRenders(mp, 'booking/pages/type/index');
  expect(result.problems.join('\n')).toMatch(/ReferenceError: window is not defined/);
});

test('a broken template is refused by WeChat’s WXML compiler', async () => {
  const dir = brokenCopy('broken-template', 'pages/login/index.wxml', (s) => `${s}\n<view>`);
  await expect(launch(dir)).rejects.toThrow(/wxml/i);
});

test('eval and syntax newer than ES2017 in the bundle are found', () => {
  const dir = brokenCopy('eval-and-new-syntax', 'common.js', (s) => `${s}\nvar weappProbe=eval("1+1");var weappLater=weappProbe??0;`);
  expect(codeFromStrings(dir).join('\n')).toMatch(/common\.js:\d+ {2}eval\("1\+1"\)/);
  expect(syntaxProblems(dir).join('\n')).toMatch(/common\.js \(ES2017\)/);
});
