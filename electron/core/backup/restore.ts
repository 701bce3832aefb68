import { copyFileSync, existsSync, fsyncSync, closeSync, openSync, renameSync, rmSync } from 'node:fs';
import type { DatabaseKey } from '../secrets/database-key';
import { checkDatabaseFile } from './integrity';
import { restrictDatabaseFile } from '@shared/node/owner-only';

/** The steps of a restore, for a progress bar: each may take a while on a large database. */
export const RESTORE_STEPS = ['checking the backup', 'copying it', 'checking the copy', 'putting it in place'] as const;

export type RestoreResult = { ok: true; schemaVersion: number; previous: string | null } | { ok: false; problem: string };

/**
 * Puts `backupFile` in place of the kiosk database, with the kiosk stopped. Nothing is
 * touched unless the backup passes the integrity check; the copy is checked again before
 * it replaces the database, and the database it replaces is kept beside it as
 * `<file>.before-restore` until the next restore. A sealed backup is checked with the
 * kiosk's key, and so must have been sealed with it: the kiosk could not open it otherwise.
 */
export function restoreDatabase(
  backupFile: string,
  databaseFile: string,
  key?: DatabaseKey,
  onStep: (done: number, step: (typeof RESTORE_STEPS)[number]) => void = () => undefined,
): RestoreResult {
  onStep(0, RESTORE_STEPS[0]);
  const report = checkDatabaseFile(backupFile, key);
  if (!report.ok) return { ok: false, problem: `${backupFile}: ${report.problem}` };

  onStep(1, RESTORE_STEPS[1]);
  const incoming = `${databaseFile}.restoring`;
  rmSync(incoming, { force: true });
  restrictDatabaseFile(incoming);
  copyFileSync(backupFile, incoming);
  const fd = openSync(incoming, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  onStep(2, RESTORE_STEPS[2]);
  const copied = checkDatabaseFile(incoming, key);
  for (const suffix of ['-wal', '-shm']) rmSync(`${incoming}${suffix}`, { force: true });
  if (!copied.ok) {
    rmSync(incoming, { force: true });
    return { ok: false, problem: `the copy failed its check: ${copied.problem}` };
  }

  onStep(3, RESTORE_STEPS[3]);
  let previous: string | null = null;
  if (existsSync(databaseFile)) {
    previous = `${databaseFile}.before-restore`;
    renameSync(databaseFile, previous);
  }
  // The old database's WAL belongs to it, not to the restored file.
  for (const suffix of ['-wal', '-shm']) rmSync(`${databaseFile}${suffix}`, { force: true });
  renameSync(incoming, databaseFile);
  restrictDatabaseFile(databaseFile);
  return { ok: true, schemaVersion: report.schemaVersion, previous };
}
