import Database from 'better-sqlite3';
import type { Db } from '../../../electron/core/db/open';
import { migrate } from '../../../electron/core/db/migrate';
import { hubMigrations } from './hub-schema';

/** synchronous=FULL: once the hub acknowledges an event, the kiosk forgets it may resend it. */
export function openHubDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, hubMigrations);
  return db;
}
