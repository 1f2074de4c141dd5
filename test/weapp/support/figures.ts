/**
 * Figures the weapp layer reports (largest setData, pages rendered, journeys run), appended as
 * JSON lines to test-results/weapp-figures.jsonl, which scripts/test.sh empties before a run.
 */
import fs from 'node:fs';
import path from 'node:path';

export const FIGURES_FILE = path.resolve(__dirname, '../../../test-results/weapp-figures.jsonl');
/** WeChat's audit line for one setData (the hard limit is 1 MB). */
export const SET_DATA_LIMIT_BYTES = 256 * 1024;

export function recordFigure(name: string, value: number, detail: Record<string, unknown> = {}): void {
  fs.mkdirSync(path.dirname(FIGURES_FILE), { recursive: true });
  fs.appendFileSync(FIGURES_FILE, `${JSON.stringify({ name, value, ...detail, at: new Date().toISOString() })}\n`);
}
