import { copyFileSync, cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openSqliteFile } from '../../shared/node/sqlite/open-sqlite';
import { openDatabase } from '../../electron/core/db/open';
import type { DatabaseKey } from '../../electron/core/secrets/database-key';
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

/**
 * The key the bench seals its copies with. Bench data is made up, and a fixed key lets the
 * sealed copy be cached between runs like the plain one.
 */
export const BENCH_KEY: DatabaseKey = Buffer.alloc(32, 0x5e);

/**
 * The same database as `cachedBenchDatabase(citizens)`, sealed with BENCH_KEY (database and
 * replica file): the encrypted side of the "sealed vs plain" rows. Cached beside it.
 */
export function cachedSealedBenchDatabase(citizens: number): string {
  const file = path.join(cacheDir, `kiosk-${citizens}-sealed.sqlite`);
  if (existsSync(file)) return file;
  const source = cachedBenchDatabase(citizens);
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  rmSync(replicaFolder(partial), { recursive: true, force: true });
  copyBenchDatabase(source, partial);
  // A sealed kiosk keeps its own secrets sealed: the demo's plain ones go, and the core makes new ones.
  const kiosk = openSqliteFile(partial);
  kiosk.prepare("DELETE FROM settings WHERE key IN ('identifier.hash.key', 'receipts.signing.privateKeyPem')").run();
  kiosk.close();
  for (const plain of [partial, liveReplicaFile(partial)]) {
    // A rekey on a plaintext connection encrypts the file in place; never in WAL mode.
    const db = openSqliteFile(plain);
    try {
      db.pragma('journal_mode = DELETE');
      db.pragma(`hexrekey='${BENCH_KEY.toString('hex')}'`);
      db.pragma('journal_mode = WAL');
    } finally {
      db.close();
    }
  }
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
