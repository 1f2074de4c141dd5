/**
 * `npm run bench:matching`: the matching engine on a seeded synthetic Shanghai (5,000 staff,
 * 2,000 bookings on one day). Prints single-booking latency, batch wall time, batch and greedy
 * totals against the exact optimum from HiGHS, and the machine. Options: --staff N --bookings N
 * --seed N --exact-k K (candidates per booking in the exact model; default: the engine's topK)
 * --time-limit S (HiGHS), --no-exact.
 */
import os from 'node:os';
import { assignOneByOne, BATCH_DEFAULTS, createStaffPool, MATCH_WEIGHTS, rankCandidates, solveBatch } from '@domain';
import { solveModel } from '../../domain/matching/batch';
import { buildModel } from '../../domain/matching/batch-model';
import { buildCity } from './city';
import { solveExact } from './exact';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const size = { staff: arg('staff', 5000), bookings: arg('bookings', 2000) };
const seed = arg('seed', 20261124);
const exactK = arg('exact-k', BATCH_DEFAULTS.topK);
const cpuMs = () => process.cpuUsage().user / 1000;
const pct = (v: number, opt: number) => `${(((v - opt) / opt) * 100).toFixed(3)}%`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function timed<T>(f: () => T): { value: T; wallMs: number; cpuMs: number } {
  const [w, c] = [performance.now(), cpuMs()];
  const value = f();
  return { value, wallMs: performance.now() - w, cpuMs: cpuMs() - c };
}

async function main(): Promise<void> {
  console.log(`command: npx tsx bench/matching/run.ts ${process.argv.slice(2).join(' ')}`.trim());
  console.log(`machine: ${os.type()} ${os.release()}, ${os.cpus()[0]?.model} × ${os.cpus().length}, node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const city = timed(() => buildCity(seed, size));
  const { staff, requests, ctx } = city.value;
  console.log(`city: ${staff.length} staff, ${requests.length} bookings, seed ${seed} (built in ${city.wallMs.toFixed(0)} ms)`);
  const pool = createStaffPool(staff);

  // One booking: rankCandidates over the whole pool (with reasons), every booking once after a warm-up.
  for (const r of requests.slice(0, 200)) rankCandidates(pool, r, ctx);
  // Wall time suffers when other processes share the cores; CPU time shows the engine's own cost.
  const lat: number[] = [];
  const cpu: number[] = [];
  let eligible = 0;
  for (const r of requests) {
    const [t, c] = [performance.now(), cpuMs()];
    eligible += rankCandidates(pool, r, ctx).length;
    cpu.push(cpuMs() - c);
    lat.push(performance.now() - t);
  }
  lat.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  console.log(`one booking (rankCandidates, ${(eligible / requests.length).toFixed(0)} eligible on average): wall p50 ${percentile(lat, 50).toFixed(2)} ms, p99 ${percentile(lat, 99).toFixed(2)} ms; cpu p50 ${percentile(cpu, 50).toFixed(2)} ms, p99 ${percentile(cpu, 99).toFixed(2)} ms   target p99 ≤ 10 ms`);

  const batch = timed(() => solveBatch(requests, pool, ctx));
  const b = batch.value;
  console.log(`batch (assignBatch, top ${BATCH_DEFAULTS.topK}): ${batch.wallMs.toFixed(0)} ms wall, ${batch.cpuMs.toFixed(0)} ms cpu   target ≤ 2000 ms`);
  console.log(`  total cost ${b.totalCost.toFixed(2)}, ${b.assignments.length} assigned, ${b.unassigned.length} unassigned, flow lower bound ${b.lowerBound.toFixed(2)}${b.optimal ? ' (proved optimal)' : ''}`);
  const greedy = timed(() => assignOneByOne(requests, pool, ctx));
  const g = greedy.value;
  console.log(`greedy one by one (all candidates): total cost ${g.totalCost.toFixed(2)}, ${g.unassigned.length} unassigned, ${greedy.wallMs.toFixed(0)} ms`);

  if (process.argv.includes('--no-exact')) return;
  // The engine's optimisation alone on the same candidate lists the exact model gets.
  const model = buildModel(requests, pool, ctx, MATCH_WEIGHTS, exactK);
  const alone = timed(() => solveModel(model, requests));
  console.log(`engine optimisation alone (same top-${exactK} lists, scoring excluded): ${alone.wallMs.toFixed(0)} ms wall, ${alone.cpuMs.toFixed(0)} ms cpu, objective ${alone.value.objective.toFixed(2)}`);
  const exact = await solveExact(model, arg('time-limit', 900));
  const opt = exact.objective;
  console.log(`exact (HiGHS ${exact.status}, top ${exactK} candidates per booking, ${exact.variables} binaries, ${exact.constraints} rows): objective ${opt.toFixed(2)}, ${(exact.seconds * 1000).toFixed(0)} ms wall, ${(exact.cpuSeconds * 1000).toFixed(0)} ms cpu`);
  console.log(`batch vs optimum: ${pct(b.objective, opt)}   target ≤ 1%`);
  console.log(`greedy vs optimum: ${pct(g.objective, opt)}`);
  console.log(`exact solve / whole batch (scoring 2,000 × 5,000 included): ${((exact.seconds * 1000) / batch.wallMs).toFixed(1)}× wall, ${((exact.cpuSeconds * 1000) / batch.cpuMs).toFixed(1)}× cpu   target ≥ 10×`);
  console.log(`exact solve / engine optimisation alone: ${((exact.seconds * 1000) / alone.wallMs).toFixed(1)}× wall, ${((exact.cpuSeconds * 1000) / alone.cpuMs).toFixed(1)}× cpu`);
  const widerK = arg('wider-k', 2 * exactK);
  if (widerK > exactK) {
    const wider = await solveExact(buildModel(requests, pool, ctx, MATCH_WEIGHTS, widerK), arg('time-limit', 900));
    console.log(`exact with top ${widerK} candidates (${wider.status}): objective ${wider.objective.toFixed(2)}, ${(wider.seconds * 1000).toFixed(0)} ms wall; keeping only the top ${exactK} costs ${pct(opt, wider.objective)}; batch vs this optimum ${pct(b.objective, wider.objective)}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
