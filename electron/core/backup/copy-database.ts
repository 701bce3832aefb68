import { openSqliteFile } from '@shared/node/sqlite/open-sqlite';
import type { DatabaseKey } from '../secrets/database-key';
import { checkDatabaseFile, type IntegrityReport } from './integrity';

/**
 * Copies the kiosk database `file` into `into` from a read-only connection of its own, then
 * checks the copy. VACUUM INTO reads one consistent snapshot (WAL lets the core go on writing
 * meanwhile) and writes the copy sealed with the same key, page by page: SQLite's online backup
 * refuses a sealed source. The copy is a standalone rollback-journal file, with no WAL beside it
 * to lose when it is copied or moved. Only the kiosk database is copied, never the attached
 * replica (the back office's, which reloads from it). Run in the heavy-jobs process (heavy-jobs.ts).
 */
export function copyDatabaseFile(file: string, into: string, key: DatabaseKey | undefined): IntegrityReport {
  try {
    const db = openSqliteFile(file, { key, readonly: true, fileMustExist: true });
    try {
      db.prepare('VACUUM INTO ?').run(into);
    } finally {
      db.close();
    }
    const copy = openSqliteFile(into, { key, fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  }
  return checkDatabaseFile(into, key);
}
