import { openSqliteFile } from '@shared/node/sqlite/open-sqlite';
import { listBackups } from '../backup/backup-files';
import { replicaFiles } from '../db/replica-files';
import type { DatabaseKey } from './database-key';

/**
 * Re-seals the kiosk database and every replica file beside it with `newKey`, the kiosk
 * stopped (a rekey needs the file to itself). Returns the files re-sealed. Each file is
 * re-sealed in one transaction of its own, so a crash leaves every file whole, under one key or
 * the other; a file that already opens with the new key is left as it is, so a rotation
 * interrupted part-way completes when it is run again.
 */
export function rekeyDatabase(file: string, oldKey: DatabaseKey, newKey: DatabaseKey): string[] {
  return [file, ...replicaFiles(file)].filter((f) => rekeyFile(f, oldKey, newKey, 'wal'));
}

/** Re-seals every backup in `dir` with `newKey`; the same rules as `rekeyDatabase`. */
export function rekeyBackups(dir: string, oldKey: DatabaseKey, newKey: DatabaseKey): string[] {
  return listBackups(dir).filter((f) => rekeyFile(f, oldKey, newKey, 'delete'));
}

/** False when `file` already opens with `newKey`; throws when it opens with neither key. */
function rekeyFile(file: string, oldKey: DatabaseKey, newKey: DatabaseKey, journal: 'wal' | 'delete'): boolean {
  if (opensWith(file, newKey)) return false;
  if (!opensWith(file, oldKey)) throw new Error(`${file} opens with neither the old key nor the new one`);
  const db = openSqliteFile(file, { key: oldKey, fileMustExist: true });
  try {
    // SQLite3MultipleCiphers cannot rekey a database in WAL mode: the WAL is checkpointed and removed first.
    db.pragma('journal_mode = DELETE');
    db.pragma(`hexrekey='${newKey.toString('hex')}'`);
    if (journal === 'wal') db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
  if (!opensWith(file, newKey)) throw new Error(`${file} did not take the new key`);
  return true;
}

function opensWith(file: string, key: DatabaseKey): boolean {
  const db = openSqliteFile(file, { key, readonly: true, fileMustExist: true });
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') return false;
    throw error;
  } finally {
    db.close();
  }
}
