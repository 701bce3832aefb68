import Database from 'better-sqlite3';
import { restrictDatabaseFile } from './owner-only';
import { migrate } from './migrate';
import { migrations } from './migrations';

export type Db = Database.Database;

/**
 * Opens (or creates) the kiosk database and brings its schema up to date. WAL lets
 * readers work while a write commits; synchronous=FULL because a power cut must not
 * lose a committed payment. The file (and SQLite's -wal and -shm beside it, which take its
 * permissions) is readable only by the kiosk's user: it holds the citizen replica.
 */
export function openDatabase(file: string): Db {
  const onDisk = file !== ':memory:' && file !== '';
  if (onDisk) restrictDatabaseFile(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  if (onDisk) restrictDatabaseFile(file);
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, migrations);
  return db;
}
