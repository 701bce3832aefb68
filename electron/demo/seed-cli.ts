/**
 * `npm run seed -- [--citizens N] [--seed N] [--out FILE] [--force]`: writes a demo replica
 * database for development, demos and benchmarks.
 */
import { existsSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '../core/db/open';
import { liveReplicaFile, replicaFolder } from '../core/db/replica-files';
import { progressBar } from '../core/progress-bar';
import { DEFAULT_CITIZENS, DEFAULT_SEED, MAX_CITIZENS, seedDemoData, type SeedReport } from './generate';

const USAGE = `Usage: npm run seed -- [options]

  --citizens N   citizens to create, demo people included (default ${DEFAULT_CITIZENS}, at most ${MAX_CITIZENS})
  --seed N       random seed; the same seed gives the same database (default ${DEFAULT_SEED})
  --out FILE     kiosk database to write (default ./demo.sqlite); the replica goes in FILE-replica/
  --force        replace FILE if it exists
  --help         show this help`;

class UsageError extends Error {}

interface CliOptions {
  citizens: number;
  seed: number;
  out: string;
  force: boolean;
}

function parseFlags(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        citizens: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function parseOptions(argv: string[]): CliOptions | 'help' {
  const values = parseFlags(argv);
  if (values.help) return 'help';
  const out = values.out ?? './demo.sqlite';
  if (out.trim() === '') throw new UsageError('--out needs a file name');
  return {
    citizens: wholeNumber('--citizens', values.citizens, DEFAULT_CITIZENS),
    seed: wholeNumber('--seed', values.seed, DEFAULT_SEED),
    out,
    force: values.force,
  };
}

function wholeNumber(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  // Accept 1000000, 1_000_000 and 1,000,000; reject 1e6, 12.5, -3 and words.
  const digits = text.replace(/[_,]/g, '');
  const value = Number(digits);
  if (!/^\d+$/.test(digits) || !Number.isSafeInteger(value)) {
    throw new UsageError(`${flag} must be a whole number, got '${text}'`);
  }
  return value;
}

function removeDatabase(file: string): void {
  for (const path of [file, `${file}-wal`, `${file}-shm`]) rmSync(path, { force: true });
  rmSync(replicaFolder(file), { recursive: true, force: true });
}

function printReport(out: string, report: SeedReport, totalMs: number): void {
  const n = (value: number) => value.toLocaleString('en-KE');
  console.log(`Seeded ${out} (the replica: ${liveReplicaFile(out)})
  citizens  ${n(report.citizens)}
  accounts  ${n(report.accounts)}
  licences  ${n(report.licences)}
  vehicles  ${n(report.vehicles)}
  fines     ${n(report.fines)}
  fees      ${n(report.fees)}
  seeding   ${(report.ms / 1000).toFixed(1)} s, ${n(report.rowsPerSecond)} rows/s
  total     ${(totalMs / 1000).toFixed(1)} s including opening and the final checkpoint`);
}

function main(argv: string[]): number {
  const options = parseOptions(argv);
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (existsSync(options.out)) {
    if (!options.force) throw new UsageError(`${options.out} already exists; pass --force to replace it`);
    removeDatabase(options.out);
  }
  const started = performance.now();
  const db = openDatabase(options.out);
  let report: SeedReport;
  const bar = progressBar('Seeding', 'citizens', options.citizens);
  try {
    report = seedDemoData(db, { citizens: options.citizens, seed: options.seed, onProgress: (written) => bar.update(written) });
    bar.update(options.citizens);
  } finally {
    bar.stop();
    db.close();
  }
  printReport(options.out, report, performance.now() - started);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`seed: ${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else {
    console.error(`seed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
