import { copyFileSync, cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../electron/core/db/open';
import { liveReplicaFile, replicaFolder } from '../../electron/core/db/replica-files';
import { seedDemoData } from '../../electron/demo/generate';

const cacheDir = path.resolve(import.meta.dirname, '../../.cache/bench');

/**
 * A seeded kiosk database of `citizens` people, built once and kept under .cache/ (a
 * million takes about half a minute). Written beside its final name and renamed, so an
 * interrupted seed never leaves a half-filled file to be reused.
 */
export function cachedBenchDatabase(citizens: number): string {
  const file = path.join(cacheDir, `kiosk-${citizens}.sqlite`);
  if (existsSync(file)) return file;
  mkdirSync(cacheDir, { recursive: true });
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  rmSync(replicaFolder(partial), { recursive: true, force: true });
  const db = openDatabase(partial);
  try {
    seedDemoData(db, { citizens, seed: 1 });
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('replica.wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  // The replica's folder is named after the database file: it moves with it, first.
  renameSync(replicaFolder(partial), replicaFolder(file));
  renameSync(partial, file);
  return file;
}

/** How many citizens the bench uses: BENCH_CITIZENS, or a million. */
export function benchCitizens(): number {
  const raw = process.env.BENCH_CITIZENS ?? '1000000';
  const citizens = Number(raw);
  if (!Number.isInteger(citizens) || citizens < 1) throw new Error(`BENCH_CITIZENS must be a positive whole number, not "${raw}"`);
  return citizens;
}

/** A copy of a bench database with its replica, for a benchmark that writes. */
export function copyBenchDatabase(source: string, target: string): void {
  copyFileSync(source, target);
  cpSync(replicaFolder(source), replicaFolder(target), { recursive: true });
}

/** The bench database's replica file: the back office's records, as a hub imports them. */
export function benchReplicaFile(databaseFile: string): string {
  return liveReplicaFile(databaseFile);
}
