import { renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { backupFileName, listBackups } from './backup-files';
import type { IntegrityReport } from './integrity';
import { ownerOnlyDirectory, restrictDatabaseFile } from '@shared/node/owner-only';
import { runInWorker } from '../run-in-worker';

export interface BackupResult {
  file: string;
  bytes: number;
  removed: string[];
}

/**
 * Copies the live database into `dir` with SQLite's online backup (better-sqlite3's
 * `backup`), while the kiosk keeps serving: pages are copied in steps, and writes made
 * meanwhile are picked up. The copy is checked (on a worker thread) before it counts as a backup, made
 * readable only by the kiosk's user, and the oldest backups past `keep` are removed.
 */
export async function backupDatabase(db: Db, options: { dir: string; keep: number; clock: Clock }): Promise<BackupResult> {
  if (!Number.isInteger(options.keep) || options.keep < 1) throw new Error(`keep must be at least 1, not ${options.keep}`);
  ownerOnlyDirectory(options.dir);
  const file = path.join(options.dir, backupFileName(options.clock.now()));
  const partial = `${file}.partial`;
  restrictDatabaseFile(partial);
  try {
    await db.backup(partial);
    // A standalone file: no WAL beside it to lose when it is copied or moved.
    const copy = new Database(partial);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    restrictDatabaseFile(partial);
    // SQLite's full check of a large copy takes seconds: on a worker thread, so the screen keeps answering.
    const report = await runInWorker<IntegrityReport>('checkDatabaseFile', { file: partial });
    if (!report.ok) throw new Error(`the backup failed its check: ${report.problem}`);
    renameSync(partial, file);
  } finally {
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
