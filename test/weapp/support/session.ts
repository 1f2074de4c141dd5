/**
 * One test file's simulated phones: launched against one server, closed together, and checked
 * together at the end (no app errors, every setData under WeChat's 256 KB audit line).
 */
import { MiniProgram, type MiniProgramOptions } from '../sim/mini-program';
import { recordFigure, SET_DATA_LIMIT_BYTES } from './figures';

export class Phones {
  readonly all: MiniProgram[] = [];

  constructor(private readonly serverUrl: () => string) {}

  async open(name: string, opts: Partial<MiniProgramOptions> = {}): Promise<MiniProgram> {
    const mp = await MiniProgram.launch({ serverUrl: this.serverUrl(), name, ...opts });
    this.all.push(mp);
    return mp;
  }

  closeAll(): void {
    for (const mp of this.all.splice(0)) mp.close();
  }

  /** Every error any phone's app code reported, labelled by phone. */
  errors(): string[] {
    return this.all.flatMap((mp) => mp.errors.map((e) => `${mp.name} ${e.kind}: ${e.message}`));
  }

  largestSetData(): { bytes: number; route: string } {
    let best = { bytes: 0, route: '' };
    for (const mp of this.all) for (const r of mp.setDataLog) if (r.bytes > best.bytes) best = { bytes: r.bytes, route: r.route };
    return best;
  }

  /** Records the largest setData of this test file (a journey or the page sweep) and returns it, for the 256 KB check. */
  report(scope: string, kind: 'journey' | 'pages' = 'journey'): number {
    const largest = this.largestSetData();
    const count = this.all.reduce((n, mp) => n + mp.setDataLog.length, 0);
    recordFigure(kind, 1, { scope, largestSetDataBytes: largest.bytes, largestSetDataRoute: largest.route, setDataCalls: count });
    return largest.bytes;
  }
}

export { SET_DATA_LIMIT_BYTES };
