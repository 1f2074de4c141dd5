/**
 * The independent yardstick: the same batch problem written as a mixed-integer programme in CPLEX
 * LP format and solved to proven optimality by HiGHS (the `highs` npm package, HiGHS compiled to
 * WebAssembly). Same costs and constraints as the engine's objective (domain/matching/batch-model):
 *   minimise Σ baseCost·x + Σ dayCost(k)·y + unassigned·u
 *   each booking: Σ x + u = 1;  each person-day: Σ x = Σ y (y: its k-th new visit, k < cap left);
 *   each person-day and each moment some visit starts: the visits holding that moment ≤ 1
 *   (for intervals, checking every start moment is the same as checking every moment).
 */
import loadHighs from 'highs';
import { dayCost, type BatchModel } from '../../domain/matching/batch-model';

const num = (v: number) => (Number.isInteger(v) ? String(v) : v.toPrecision(12));

function term(coef: number, name: string): string {
  return `${coef < 0 ? '-' : '+'} ${num(Math.abs(coef))} ${name}`;
}

export function writeLp(m: BatchModel): string {
  const objective: string[] = [];
  const rows: string[] = [];
  const binaries: string[] = [];
  const bySlot: Array<Array<[string, number]>> = m.slots.map(() => []);
  m.bookings.forEach((bk, b) => {
    const names = bk.options.map((o, i) => {
      const name = `x${b}_${i}`;
      objective.push(term(o.baseCost, name));
      binaries.push(name);
      bySlot[o.slot].push([name, b]);
      return name;
    });
    objective.push(term(m.weights.unassigned, `u${b}`));
    binaries.push(`u${b}`);
    rows.push(` a${b}: ${[...names, `u${b}`].join(' + ')} = 1`);
  });
  bySlot.forEach((users, s) => {
    if (users.length === 0) return;
    const units = Math.min(m.slots[s].capLeft, users.length);
    const ys = Array.from({ length: units }, (_, k) => `y${s}_${k}`);
    ys.forEach((y, k) => {
      objective.push(term(dayCost(m, s, k), y));
      binaries.push(y);
    });
    rows.push(` c${s}: ${users.map(([x]) => x).join(' + ')} ${ys.map((y) => `- ${y}`).join(' ')} = 0`);
    const starts = [...new Set(users.map(([, b]) => m.bookings[b].p.busyStartMs))];
    starts.forEach((t, i) => {
      const holding = users.filter(([, b]) => m.bookings[b].p.busyStartMs <= t && t < m.bookings[b].p.busyEndMs);
      if (holding.length > 1) rows.push(` t${s}_${i}: ${holding.map(([x]) => x).join(' + ')} <= 1`);
    });
  });
  return ['Minimize', ` obj: ${objective.join(' ')}`, 'Subject To', ...rows, 'Binary', ...binaries.map((b) => ` ${b}`), 'End'].join('\n');
}

export interface ExactSolution {
  status: string;
  objective: number;
  /** Wall and CPU time of the solve alone (the LP text is written before the clock starts). */
  seconds: number;
  cpuSeconds: number;
  variables: number;
  constraints: number;
}

export async function solveExact(m: BatchModel, timeLimitSec: number): Promise<ExactSolution> {
  const highs = await loadHighs();
  const lp = writeLp(m);
  const started = performance.now();
  const cpuStarted = process.cpuUsage().user;
  const result = highs.solve(lp, { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-6, time_limit: timeLimitSec });
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = (process.cpuUsage().user - cpuStarted) / 1e6;
  return {
    status: result.Status,
    objective: result.ObjectiveValue,
    seconds,
    cpuSeconds,
    variables: Object.keys(result.Columns).length,
    constraints: lp.split('\n').filter((l) => /^ [act]\d/.test(l)).length,
  };
}
