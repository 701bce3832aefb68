import Database from 'better-sqlite3';
import type { Db } from '../../../electron/core/db/open';
import { migrate } from '../../../electron/core/db/migrate';
import { restrictDatabaseFile } from '../../../electron/core/db/owner-only';
import { hubMigrations } from './hub-schema';

/**
 * synchronous=FULL: once the hub acknowledges an event, the kiosk forgets it may resend it.
 * The file (and its -wal and -shm) is readable by the hub's user alone: it holds every
 * kiosk's events and the citizens' replica.
 */
export function openHubDatabase(file: string): Db {
  const onDisk = file !== ':memory:' && file !== '';
  if (onDisk) restrictDatabaseFile(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  if (onDisk) restrictDatabaseFile(file);
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, hubMigrations);
  return db;
}
