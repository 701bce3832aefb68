import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchCitizens, cachedBenchDatabase } from './bench-database';
import type { BenchRow } from './bench-row';
import { runBundleBench } from './bundle-bench';
import { runColdStartBench } from './cold-start-bench';
import { runDayReportBench } from './day-report-bench';
import { runFleetBench } from './fleet-bench';
import { runHeavyWorkBench } from './heavy-work-bench';
import { runMemoryBench } from './memory-bench';
import { resultsTable } from './results-table';
import { runSyncBench } from './sync-bench';

/**
 * `npm run bench`: every benchmark, one markdown table in bench-results/latest.md (also
 * printed). `npm run bench -- fleet` (or any section keys) runs only those, into
 * bench-results/<keys>.md. BENCH_CITIZENS sets the size (default a million; the seeded
 * database is cached under .cache/bench). Benchmarks a feature adds are picked up here by name.
 */
const root = path.resolve(import.meta.dirname, '../..');
/** Built into its own folder: other builds replace out/ while the bench reads it. */
const outDir = path.join(root, '.cache/bench/out');
const rendererDir = path.join(outDir, 'renderer');
const citizens = benchCitizens();

/** The renderer build and the seeded database, made once and only for the sections that need them. */
let built = false;
const renderer = () => {
  if (!built) {
    console.log('Building the renderer…');
    execFileSync('npx', ['electron-vite', 'build', '--outDir', outDir], { cwd: root, stdio: 'ignore' });
    built = true;
  }
  return rendererDir;
};
let databaseFile: string | undefined;
const database = () => {
  if (databaseFile === undefined) {
    console.log(`Preparing the ${citizens.toLocaleString('en-KE')}-citizen database (cached after the first run)…`);
    databaseFile = cachedBenchDatabase(citizens);
  }
  return databaseFile;
};

const SECTIONS: Array<{ key: string; name: string; run: () => Promise<BenchRow[]> | BenchRow[] }> = [
  { key: 'lookup', name: 'lookup', run: () => optionalBench('lookup-bench.ts', 'runLookupBench', { citizens, databaseFile: database() }) },
  { key: 'sync', name: 'sync', run: () => runSyncBench({ citizens }) },
  { key: 'cold-start', name: 'renderer cold start', run: () => runColdStartBench(database(), renderer()) },
  { key: 'bundle', name: 'bundle size', run: () => runBundleBench(renderer()) },
  { key: 'memory', name: 'core memory', run: () => runMemoryBench(database(), citizens) },
  { key: 'day-report', name: 'day report', run: () => runDayReportBench() },
  { key: 'heavy-work', name: 'heavy work beside a searching client', run: () => runHeavyWorkBench({ citizens }) },
  { key: 'fleet', name: 'fleet of kiosks against one hub', run: () => runFleetBench() },
];
const asked = process.argv.slice(2);
const unknown = asked.filter((key) => !SECTIONS.some((s) => s.key === key));
if (unknown.length > 0) throw new Error(`no bench section ${unknown.join(', ')}; sections: ${SECTIONS.map((s) => s.key).join(', ')}`);

const rows: BenchRow[] = [];
/** Runs one benchmark; a failure is reported in the table and fails the run, after the others have run. */
const section = async (name: string, run: () => Promise<BenchRow[]> | BenchRow[]) => {
  console.log(`Running ${name}…`);
  const started = performance.now();
  try {
    rows.push(...(await run()));
  } catch (error) {
    console.error(error);
    rows.push({ name: `${name}: FAILED`, value: Number.NaN, unit: '', note: String((error as Error).message ?? error).slice(0, 200) });
    process.exitCode = 1;
  }
  console.log(`  ${name} took ${((performance.now() - started) / 1000).toFixed(1)} s`);
};

for (const { key, name, run } of SECTIONS) if (asked.length === 0 || asked.includes(key)) await section(name, run);

const heading = `### Benchmarks (${citizens.toLocaleString('en-KE')} citizens; ${new Date().toISOString().slice(0, 10)}; ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.versions.node})`;
const table = resultsTable(rows, heading);
mkdirSync(path.join(root, 'bench-results'), { recursive: true });
// A run of some sections must not replace the whole bench's table.
writeFileSync(path.join(root, `bench-results/${asked.length === 0 ? 'latest' : asked.join('-')}.md`), table);
console.log(`\n${table}`);

/** A benchmark module another feature provides; skipped (with a note) until it exists. */
async function optionalBench(file: string, exportName: string, options: { citizens: number; databaseFile: string }): Promise<BenchRow[]> {
  const modulePath = path.join(import.meta.dirname, file);
  if (!existsSync(modulePath)) {
    console.log(`  (no ${file} yet)`);
    return [];
  }
  const module = (await import(pathToFileURL(modulePath).href)) as Record<string, unknown>;
  const bench = module[exportName];
  if (typeof bench !== 'function') throw new Error(`${file} does not export ${exportName}()`);
  return (await bench(options)) as BenchRow[];
}
