import { renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { backupFileName, listBackups } from './backup-files';
import type { IntegrityReport } from './integrity';
import { ownerOnlyDirectory, restrictDatabaseFile } from '@shared/node/owner-only';
import { databaseFileOf, runHeavyJob } from '../heavy-job-runner';

export interface BackupResult {
  file: string;
  bytes: number;
  removed: string[];
}

/** Bytes of the copy written so far, of about `total` (the live database's size; the copy leaves out free pages). */
export type BackupProgress = (written: number, total: number) => void;
const PROGRESS_POLL_MS = 250;

/**
 * Copies the live database into `dir` while the kiosk keeps serving. The copy is made and
 * checked in the heavy-jobs process, from a connection of its own (see copy-database.ts): a copy and
 * SQLite's full check of a large file take seconds, and the screen keeps answering. A sealed
 * database's backup is sealed with the same key. The copy counts as a backup only once it
 * passed its check; it is readable only by the kiosk's user, and the oldest backups past
 * `keep` are removed.
 */
export async function backupDatabase(db: Db, options: { dir: string; keep: number; clock: Clock; onProgress?: BackupProgress }): Promise<BackupResult> {
  if (!Number.isInteger(options.keep) || options.keep < 1) throw new Error(`keep must be at least 1, not ${options.keep}`);
  ownerOnlyDirectory(options.dir);
  const file = path.join(options.dir, backupFileName(options.clock.now()));
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  // Created empty and owner-only before SQLite writes into it (VACUUM INTO accepts an empty file).
  restrictDatabaseFile(partial);
  const total = (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
  // The copy runs as one statement in the heavy-jobs process: the file it grows is what shows its progress.
  const watch = options.onProgress && setInterval(() => options.onProgress?.(Math.min(statSync(partial, { throwIfNoEntry: false })?.size ?? 0, total), total), PROGRESS_POLL_MS);
  try {
    const report = await runHeavyJob<IntegrityReport>('backupDatabaseFile', { ...databaseFileOf(db), into: partial });
    clearInterval(watch);
    options.onProgress?.(total, total);
    if (!report.ok) throw new Error(`the backup failed its check: ${report.problem}`);
    restrictDatabaseFile(partial);
    renameSync(partial, file);
  } finally {
    clearInterval(watch);
    rmSync(partial, { force: true });
  }
  return { file, bytes: statSync(file).size, removed: rotate(options.dir, options.keep) };
}

/** Keeps the newest `keep` backups and deletes the rest. */
export function rotate(dir: string, keep: number): string[] {
  const old = listBackups(dir).slice(keep);
  for (const file of old) rmSync(file, { force: true });
  return old;
}
