import type Database from 'better-sqlite3-multiple-ciphers';
import { openSqlite, openSqliteFile, type Db } from '@shared/node/sqlite/open-sqlite';
import type { ChangePage, TableChanges } from '@shared/sync/protocol';
import { replicaTable, type ReplicaTable } from '@shared/sync/replica-tables';
import { replicaMigrations } from '../db/replica-migrations';
import type { DatabaseKey } from '../secrets/database-key';
import { liveReplicaFile, loadingReplicaFile, newLoadingReplicaFile, promoteLoadingReplicaFile } from '../db/replica-files';
import { SyncFailure } from './sync-failure';

/**
 * Page cache of a file being loaded (KiB): its unique indexes take random inserts, and
 * re-reading their pages for every row would halve the load rate.
 */
const LOADING_CACHE_KIB = 256 * 1024;
/** Page cache while its indexes are built (KiB): SQLite's default. */
const INDEX_BUILD_CACHE_KIB = 2_000;

/** Which file the next page goes to, and the cursor to ask from (none: the beginning). */
export interface ReplicaPosition {
  target: 'live' | 'next';
  cursor: string | undefined;
}

interface RowWriter {
  upsert: Database.Statement<unknown[]>;
  remove: Database.Statement<unknown[]>;
  /** Positions of the columns this kiosk has, when the hub sends more (a newer schema). */
  pick: number[] | undefined;
}

interface ReplicaConnection {
  db: Db;
  file: string;
  writers: Map<string, RowWriter>;
}

/**
 * The kiosk's replica as the downloader writes it, in the replica's own files (see
 * db/replica-files.ts), never in the kiosk database: a load holds no lock a citizen's
 * search needs. Each page and its cursor commit in one transaction of one file, so a crash
 * never leaves half a page or a cursor ahead of the rows. A first load or a rebuild fills a
 * new generation's file while the live one keeps serving, builds its indexes there, and is
 * then renamed into place; `onSwapped` tells the owner of the reading connection to attach it.
 *
 * Foreign keys are not checked here: the hub enforces them, and a page is a slice of the
 * hub's history in change order, which may name a fine before the citizen it belongs to.
 */
export class ReplicaStore {
  private live: ReplicaConnection;
  private loading: ReplicaConnection | undefined;

  constructor(
    private readonly databaseFile: string,
    private readonly onSwapped: (liveFile: string) => void,
    /** The kiosk database's key: every replica file is sealed with it too. */
    private readonly key?: DatabaseKey,
  ) {
    if (databaseFile === ':memory:' || databaseFile === '') throw new Error('a replica in memory cannot be downloaded into');
    this.live = connect(liveReplicaFile(databaseFile), { key });
    const resumed = loadingReplicaFile(databaseFile);
    if (resumed) this.loading = connect(resumed, { key, loading: true });
  }

  /** Undefined before the first download: the replica must be built from nothing. */
  position(): ReplicaPosition | undefined {
    if (this.loading) return { target: 'next', cursor: stateOf(this.loading).cursor ?? undefined };
    const live = stateOf(this.live).cursor;
    return live === null ? undefined : { target: 'live', cursor: live };
  }

  /** Whether a complete replica is live (answers lookups) beside a load: a rebuild, not a first load. */
  hasLiveReplica(): boolean {
    return stateOf(this.live).cursor !== null;
  }

  /** Starts (or restarts) a load from the beginning of the hub's history, into a new generation's file. */
  beginRebuild(): void {
    this.loading?.db.close();
    this.loading = undefined;
    const loading = connect(newLoadingReplicaFile(this.databaseFile), { key: this.key, loading: true });
    // Loaded without its secondary indexes, faster; finishRebuild builds them.
    for (const name of secondaryIndexNames(loading.db)) loading.db.exec(`DROP INDEX "${name}"`);
    this.loading = loading;
  }

  /** Returns the rows the target file has taken in all (its `rows_loaded`), for a load's progress. */
  apply(page: ChangePage, target: ReplicaPosition['target']): number {
    const connection = target === 'live' ? this.live : this.loading;
    if (!connection) throw new Error('no load under way to write this page to');
    const { db } = connection;
    return db.transaction(() => {
      let rows = 0;
      for (const changes of page.changes) {
        const table = replicaTable(changes.table);
        // A table this kiosk's schema does not have yet (a newer hub): nothing to keep it in.
        if (table) rows += this.applyTable(connection, table, changes);
      }
      const state = db.prepare<[string, number], { rows_loaded: number }>('UPDATE replica_state SET cursor = ?, rows_loaded = rows_loaded + ? RETURNING rows_loaded').get(page.cursor, rows);
      return state?.rows_loaded ?? rows;
    })();
  }

  /**
   * The load is complete: its indexes are built (in its own file, holding nothing the kiosk
   * needs), it is marked ready, closed without a WAL, renamed to its generation's name, and
   * handed over. The old generation is the owner's to remove once it has let go of it.
   */
  finishRebuild(): void {
    const loading = this.loading;
    if (!loading || stateOf(loading).cursor === null) throw new Error('no finished rebuild to swap in');
    const { db } = loading;
    // Out of WAL first (what the WAL holds is small by now), so the indexes are written into the
    // file once: built in the WAL, their hundreds of megabytes were written again by the closing
    // checkpoint, a burst that a citizen's search commit waited behind (issue 15). A rollback
    // journal keeps the build atomic; pages past the file's old end need no journaling.
    db.pragma('journal_mode = DELETE');
    // The load's large cache would size the index build's sort: one allocation of that size,
    // grown and freed under a lock every SQLite connection of the process shares, and the
    // screen's thread waited on it (50-70 ms on a million citizens). Sorted in small pieces in
    // memory instead, as every sealed connection keeps its temporary data (open-sqlite.ts); a
    // plaintext (demo) replica is built the same way, so the two behave alike.
    db.pragma(`cache_size = -${INDEX_BUILD_CACHE_KIB}`);
    db.pragma('temp_store = MEMORY');
    for (const sql of indexDefinitions()) db.exec(sql);
    db.prepare('UPDATE replica_state SET ready_at = ?').run(new Date().toISOString());
    db.close();
    this.loading = undefined;
    const liveFile = promoteLoadingReplicaFile(loading.file);
    this.live.db.close();
    this.live = connect(liveFile, { key: this.key });
    this.onSwapped(liveFile);
  }

  close(): void {
    this.loading?.db.close();
    this.live.db.close();
  }

  private applyTable({ db, writers }: ReplicaConnection, table: ReplicaTable, changes: TableChanges): number {
    const writer = rowWriter(db, writers, table, changes.columns);
    for (const row of changes.upserts) {
      if (row.length !== changes.columns.length) throw new SyncFailure('refused', `a ${table.name} row has ${row.length} cells for ${changes.columns.length} columns`);
      writer.upsert.run(writer.pick ? writer.pick.map((i) => row[i]) : row);
    }
    for (const key of changes.deletes) writer.remove.run(key);
    return changes.upserts.length + changes.deletes.length;
  }
}

/**
 * A replica file opened for writing. synchronous=NORMAL: the cursor commits with its rows,
 * so a power cut that loses the last commit only means asking for that page again.
 */
function connect(file: string, options: { key: DatabaseKey | undefined; loading?: boolean }): ReplicaConnection {
  const db = openSqlite(file, replicaMigrations, { key: options.key });
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = OFF');
  if (options.loading) db.pragma(`cache_size = -${LOADING_CACHE_KIB}`);
  return { db, file, writers: new Map() };
}

function stateOf({ db }: ReplicaConnection): { cursor: string | null; rows_loaded: number } {
  const state = db.prepare<[], { cursor: string | null; rows_loaded: number }>('SELECT cursor, rows_loaded FROM replica_state').get();
  if (!state) throw new Error('the replica file has no state row');
  return state;
}

/**
 * INSERT OR REPLACE, not an upsert on the key: a row arriving before the stale row still
 * holding its unique value (a passport number moved between citizens) evicts that row,
 * which the hub sends again later in the same history because it changed after.
 */
function rowWriter(db: Db, writers: Map<string, RowWriter>, table: ReplicaTable, columns: string[]): RowWriter {
  const cacheKey = `${table.name}:${columns.join(',')}`;
  let writer = writers.get(cacheKey);
  if (writer) return writer;
  const local = new Set(db.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)').all(table.name).map((c) => c.name));
  const kept = columns.filter((c) => local.has(c));
  if (!kept.includes(table.key)) throw new SyncFailure('refused', `the hub sent ${table.name} rows without their ${table.key}`);
  writer = {
    upsert: db.prepare<unknown[]>(`INSERT OR REPLACE INTO "${table.name}" (${kept.map((c) => `"${c}"`).join(', ')}) VALUES (${kept.map(() => '?').join(', ')})`),
    remove: db.prepare<unknown[]>(`DELETE FROM "${table.name}" WHERE "${table.key}" = ?`),
    pick: kept.length === columns.length ? undefined : kept.map((c) => columns.indexOf(c)),
  };
  writers.set(cacheKey, writer);
  return writer;
}

/** The indexes the replica's schema declares (not those UNIQUE columns make, which stay during a load). */
function secondaryIndexNames(db: Db): string[] {
  return db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
    .all()
    .map((row) => row.name);
}

let indexSql: string[] | undefined;

/** Their definitions, as the replica's migrations make them. */
function indexDefinitions(): string[] {
  if (!indexSql) {
    const schema = openSqliteFile(':memory:');
    try {
      for (const migration of replicaMigrations) schema.exec(migration.up);
      indexSql = schema
        .prepare<[], { sql: string }>("SELECT sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
        .all()
        .map((row) => row.sql);
    } finally {
      schema.close();
    }
  }
  return indexSql;
}
