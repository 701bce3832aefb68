import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { BenchRow } from './bench-row';
import { medianOf, round } from './median';

const child = path.join(import.meta.dirname, 'core-memory-child.ts');
const RUNS = 3;

function rss(mode: 'core' | 'raw', databaseFile: string): number {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', child, mode, databaseFile], { encoding: 'utf8' });
  return Number(out.trim().split('\n').at(-1));
}

/** Resident memory of the core process with the big database open, each in a fresh process. */
export async function runMemoryBench(databaseFile: string, citizens: number): Promise<BenchRow[]> {
  const mib = (bytes: number) => round(bytes / 1024 / 1024, 1);
  const core = await medianOf(RUNS, () => rss('core', databaseFile));
  const raw = await medianOf(RUNS, () => rss('raw', databaseFile));
  return [
    {
      name: `core resident memory, ${citizens.toLocaleString('en-KE')}-citizen database open`,
      value: mib(core),
      unit: 'MiB',
      baseline: mib(raw),
      note: `after kiosk.info and a visit; baseline: Node + better-sqlite3 opening the same file for one query; median of ${RUNS} processes`,
    },
  ];
}
