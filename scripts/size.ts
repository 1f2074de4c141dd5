/**
 * Package sizes of the WeChat build (dist/weapp), as WeChat counts them: the main package is
 * everything outside the sub-package roots declared in app.json. Fails (exit 1) when the main
 * package is over our 600 KB budget or any package is over WeChat's 2 MB hard limit.
 * Usage: npm run size [-- path/to/dist/weapp]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const KB = 1024;
export const MAIN_BUDGET = 600 * KB;
export const PACKAGE_LIMIT = 2 * KB * KB;
/** Tool files that WeChat DevTools does not upload. */
const NOT_SHIPPED = new Set(['project.config.json', 'project.private.config.json']);

interface AppJson {
  subPackages?: Array<{ root: string }>;
  subpackages?: Array<{ root: string }>;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out;
}

const fmt = (bytes: number) => `${bytes.toLocaleString('en-US')} bytes (${(bytes / KB).toFixed(1)} KB)`;

export function measure(distDir: string) {
  const app = JSON.parse(readFileSync(path.join(distDir, 'app.json'), 'utf8')) as AppJson;
  const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/^\/+|\/+$/g, ''));
  const sizes = new Map<string, number>([['main', 0], ...roots.map((r) => [r, 0] as [string, number])]);
  for (const file of filesUnder(distDir)) {
    const rel = path.relative(distDir, file).split(path.sep).join('/');
    if (NOT_SHIPPED.has(rel)) continue;
    const owner = roots.find((r) => rel.startsWith(`${r}/`)) ?? 'main';
    sizes.set(owner, (sizes.get(owner) ?? 0) + statSync(file).size);
  }
  return sizes;
}

function main(): number {
  const distDir = path.resolve(process.argv[2] ?? 'dist/weapp');
  if (!existsSync(path.join(distDir, 'app.json'))) {
    console.error(`No WeChat build at ${distDir} (app.json missing). Run: npm run build:weapp`);
    return 2;
  }
  const sizes = measure(distDir);
  let total = 0;
  const problems: string[] = [];
  for (const [name, bytes] of sizes) {
    total += bytes;
    const label = name === 'main' ? 'main package' : `sub-package ${name}`;
    console.log(`${label.padEnd(24)} ${fmt(bytes)}`);
    if (bytes > PACKAGE_LIMIT) problems.push(`${label} is ${fmt(bytes)}, over WeChat's 2 MB limit per package`);
  }
  console.log(`${'total'.padEnd(24)} ${fmt(total)}`);
  const mainBytes = sizes.get('main') ?? 0;
  if (mainBytes > MAIN_BUDGET) problems.push(`main package is ${fmt(mainBytes)}, over our 600 KB budget: move pages into sub-packages`);
  for (const p of problems) console.error(`✖ ${p}`);
  if (!problems.length) console.log(`✔ main package within 600 KB; every package within 2 MB`);
  return problems.length ? 1 : 0;
}

// Only when run as a script: the weapp tests import measure() from here.
if (process.argv[1] && path.resolve(process.argv[1]) === __filename) process.exitCode = main();
