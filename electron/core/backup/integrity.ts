import { openSqliteFile, type Db } from '@shared/node/sqlite/open-sqlite';
import { migrations } from '../db/migrations';
import type { DatabaseKey } from '../secrets/database-key';

export type IntegrityReport = { ok: true; schemaVersion: number } | { ok: false; problem: string };

/**
 * Whether `file` is a sound kiosk database this kiosk can run on: SQLite's full integrity
 * check passes, foreign keys hold, and its schema is not newer than this kiosk knows.
 * Opened read-only (with the database's key when it is sealed), so checking changes nothing;
 * a sealed file checked with no key or another key is "not a database".
 */
export function checkDatabaseFile(file: string, key?: DatabaseKey): IntegrityReport {
  let db: Db | undefined;
  try {
    db = openSqliteFile(file, { key, readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return { ok: false, problem: `integrity check: ${String(integrity)}` };
    const brokenKeys = db.pragma('foreign_key_check') as unknown[];
    if (brokenKeys.length > 0) return { ok: false, problem: `${brokenKeys.length} rows break a foreign key` };
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (schemaVersion < 1) return { ok: false, problem: 'not a kiosk database (no schema version)' };
    if (schemaVersion > migrations.length) return { ok: false, problem: `schema ${schemaVersion} is newer than this kiosk knows (${migrations.length})` };
    return { ok: true, schemaVersion };
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  } finally {
    db?.close();
  }
}
