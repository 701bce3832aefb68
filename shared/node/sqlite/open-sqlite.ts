import Database from 'better-sqlite3';
import { restrictDatabaseFile } from '../owner-only';
import { migrate, type Migration } from './migrate';

export type Db = Database.Database;

/**
 * Opens (or creates) a kiosk's or the hub's database and brings its schema up to date. WAL
 * lets readers work while a write commits; synchronous=FULL because a power cut must not lose
 * a committed payment, nor an event the hub has acknowledged. The file (and SQLite's -wal and
 * -shm beside it, which take its permissions) is readable only by its owner: it holds citizens'
 * records. `prepare` runs before the migrations (e.g. to attach a database they read).
 */
export function openSqlite(file: string, migrations: readonly Migration[], prepare?: (db: Db) => void): Db {
  const onDisk = file !== ':memory:' && file !== '';
  if (onDisk) restrictDatabaseFile(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  if (onDisk) restrictDatabaseFile(file);
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  prepare?.(db);
  migrate(db, migrations);
  return db;
}
