import Database from 'better-sqlite3-multiple-ciphers';
import { restrictDatabaseFile } from '../owner-only';
import { migrate, type Migration } from './migrate';

export type Db = Database.Database;

/**
 * The 32 bytes a database file is sealed with (SQLite3MultipleCiphers' default cipher,
 * ChaCha20-Poly1305). Without it an encrypted file reads as "file is not a database".
 */
export type SqliteKey = Buffer;

/** The key each keyed connection was opened with: what it attaches, and what a worker re-opens its file with. */
const connectionKeys = new WeakMap<Db, SqliteKey>();

const isOnDisk = (file: string) => file !== ':memory:' && file !== '';

/**
 * Opens a database file without migrating it (a check, a read-only walk, a copy), keyed when
 * a key is given. The key goes first: nothing may read the file before it.
 */
export function openSqliteFile(file: string, options: { key?: SqliteKey; readonly?: boolean; fileMustExist?: boolean } = {}): Db {
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.fileMustExist ?? false });
  // An in-memory database is not at rest, and SQLite3MultipleCiphers refuses to key one.
  if (options.key && isOnDisk(file)) {
    try {
      db.pragma(`hexkey='${options.key.toString('hex')}'`);
      // SQLite3MultipleCiphers seals the file and its journals, not SQLite's temporary files
      // (a sort larger than the cache, a transient index, a statement journal): kept in memory,
      // a citizen's phone number never reaches /var/tmp in the clear.
      db.pragma('temp_store = MEMORY');
    } catch (error) {
      db.close();
      throw error;
    }
    connectionKeys.set(db, options.key);
  }
  return db;
}

/** The key `db` was opened with; undefined for a plaintext (demo) database. */
export function connectionKey(db: Db): SqliteKey | undefined {
  return connectionKeys.get(db);
}

/** Attaches `file` under `schema`, sealed with the same key as `db` (or plaintext, as `db` is). */
export function attachSqlite(db: Db, file: string, schema: string): void {
  // A blob KEY is the raw key, the same as `hexkey` on a connection of its own; '' is no key.
  db.prepare(`ATTACH DATABASE ? AS ${schema} KEY ?`).run(file, connectionKey(db) ?? '');
}

export interface OpenSqliteOptions {
  /** Seals the file (and its WAL): a production kiosk's database and replica. */
  key?: SqliteKey;
  /** Runs before the migrations (e.g. to attach a database they read). */
  prepare?: (db: Db) => void;
}

/**
 * Opens (or creates) a kiosk's or the hub's database and brings its schema up to date. WAL
 * lets readers work while a write commits; synchronous=FULL because a power cut must not lose
 * a committed payment, nor an event the hub has acknowledged. The file (and SQLite's -wal and
 * -shm beside it, which take its permissions) is readable only by its owner: it holds citizens'
 * records.
 */
export function openSqlite(file: string, migrations: readonly Migration[], options: OpenSqliteOptions = {}): Db {
  const onDisk = isOnDisk(file);
  if (onDisk) restrictDatabaseFile(file);
  const db = openSqliteFile(file, { key: options.key });
  try {
    db.pragma('journal_mode = WAL');
  } catch (error) {
    db.close();
    throw error;
  }
  if (onDisk) restrictDatabaseFile(file);
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  options.prepare?.(db);
  migrate(db, migrations);
  return db;
}
