import type Database from 'better-sqlite3-multiple-ciphers';
import { openSqlite, openSqliteFile, type Db } from '@shared/node/sqlite/open-sqlite';
import type { ChangePage, TableChanges } from '@shared/sync/protocol';
import { replicaTable, type ReplicaTable } from '@shared/sync/replica-tables';
import { replicaMigrations } from '../db/replica-migrations';
import type { DatabaseKey } from '../secrets/database-key';
import { liveReplicaFile, loadingReplicaFile, newLoadingReplicaFile, promoteLoadingReplicaFile } from '../db/replica-files';
import { SyncFailure } from './sync-failure';

/** Page cache while its indexes are built (KiB): SQLite's default. */
const INDEX_BUILD_CACHE_KIB = 2_000;
/**
 * Rows a load commits at a time. Each commit's checkpoint then syncs a few hundred kilobytes,
 * and a citizen's search, whose record's sync queues behind whatever the disk is writing, waits
 * that long at worst, not the 10-100 ms of a 25,000-row page's checkpoint (issue 15; 5,000-row
 * slices measured worse, see the README).
 */
export const LOAD_SLICE_ROWS = 2_500;
/** A loading file's WAL is checkpointed from this many pages (256 KiB): after every slice. */
const LOADING_WAL_AUTOCHECKPOINT_PAGES = 64;

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
 * search needs. A page's cursor commits with its last rows, so a crash never leaves a cursor
 * ahead of the rows (a live replica's page commits whole; a load's in slices, see apply). A
 * first load or a rebuild fills a new generation's file while the live one keeps serving,
 * builds its indexes there (its unique ones too), and is then renamed into place; `onSwapped`
 * tells the owner of the reading connection to attach it.
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
    // A live replica's page commits whole: a lookup never sees half of a delta. A load's commits
    // in slices, the cursor with the last: after a crash the page is asked for again and written
    // over what its first slices left (rows replace rows by key, deletions delete again).
    const slices = target === 'live' ? [page.changes] : inSlices(page.changes, LOAD_SLICE_ROWS);
    let rows = 0;
    for (const slice of slices.slice(0, -1)) db.transaction(() => (rows += this.applyChanges(connection, slice)))();
    return db.transaction(() => {
      rows += this.applyChanges(connection, slices.at(-1) ?? []);
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
    // An index already there was built before a crash cut this step short: the load resumes here.
    const built = new Set(secondaryIndexNames(db));
    for (const { name, sql } of namedIndexes(schemaDatabase())) if (!built.has(name)) db.exec(sql);
    // The columns the schema declares UNIQUE, left out while loading (see loadingMigrations),
    // unless the file has them already (built before a crash, or a load begun by a version that kept them).
    const present = new Set(uniqueColumnSets(db).map(uniqueIndexName));
    for (const unique of uniqueColumnSets(schemaDatabase())) {
      const name = uniqueIndexName(unique);
      if (!present.has(name)) db.exec(`CREATE UNIQUE INDEX "${name}" ON "${unique.table}" (${unique.columns.map((c) => `"${c}"`).join(', ')})`);
    }
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

  private applyChanges(connection: ReplicaConnection, changes: readonly TableChanges[]): number {
    let rows = 0;
    for (const tableChanges of changes) {
      const table = replicaTable(tableChanges.table);
      // A table this kiosk's schema does not have yet (a newer hub): nothing to keep it in.
      if (table) rows += this.applyTable(connection, table, tableChanges);
    }
    return rows;
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
  const db = openSqlite(file, options.loading ? loadingMigrations : replicaMigrations, { key: options.key });
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = OFF');
  if (options.loading) db.pragma(`wal_autocheckpoint = ${LOADING_WAL_AUTOCHECKPOINT_PAGES}`);
  return { db, file, writers: new Map() };
}

/** A page's changes cut into runs of at most `rows` rows and deletions, in their order. */
function inSlices(page: readonly TableChanges[], rows: number): TableChanges[][] {
  const slices: TableChanges[][] = [];
  let slice: TableChanges[] = [];
  let room = rows;
  const take = (part: TableChanges, size: number) => {
    slice.push(part);
    room -= size;
    if (room === 0) {
      slices.push(slice);
      slice = [];
      room = rows;
    }
  };
  const cut = <T>(items: readonly T[], part: (items: T[]) => TableChanges) => {
    for (let i = 0; i < items.length; ) {
      const piece = items.slice(i, i + room);
      i += piece.length;
      take(part(piece), piece.length);
    }
  };
  for (const changes of page) {
    cut(changes.upserts, (upserts) => ({ ...changes, upserts, deletes: [] }));
    cut(changes.deletes, (deletes) => ({ ...changes, upserts: [], deletes }));
  }
  if (slice.length > 0) slices.push(slice);
  return slices;
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

/** The indexes `db`'s schema names (CREATE INDEX), not those SQLite makes for a key or a UNIQUE column. */
function namedIndexes(db: Db): { name: string; sql: string }[] {
  return db.prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all();
}

const secondaryIndexNames = (db: Db) => namedIndexes(db).map((index) => index.name);

/**
 * The replica's migrations as a load's file takes them: without its columns' UNIQUE
 * constraints. Their indexes take every row in random order (an ID number, a KRA PIN), and
 * each commit of a load rewrote their pages: 1.1 GB of WAL for a 450 MB replica, a 25,000-row
 * page's checkpoint syncing up to 26 MB, behind which a citizen's search record waited (issue
 * 15). Built once at the end instead (finishRebuild), as unique indexes; rows are written by
 * key, so a complete load holds each row once, as the hub holds it, whose schema keeps the same
 * columns unique. Only a column's own `UNIQUE` goes: a table's UNIQUE (a, b) stays.
 */
const loadingMigrations = replicaMigrations.map((migration) => ({ ...migration, up: migration.up.replace(/\s+UNIQUE(?=\s*[,)\n])/g, '') }));

interface UniqueColumns {
  table: string;
  columns: string[];
}

/** Each set of columns a unique index or constraint of `db`'s tables covers (not their keys). */
function uniqueColumnSets(db: Db): UniqueColumns[] {
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
  return tables.flatMap(({ name: table }) =>
    db
      .prepare<[string], { name: string }>(`SELECT name FROM pragma_index_list(?) WHERE "unique" = 1 AND origin IN ('u', 'c') ORDER BY name`)
      .all(table)
      .map(({ name }) => ({
        table,
        columns: db.prepare<[string], { name: string }>('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(name).map((c) => c.name),
      })),
  );
}

const uniqueIndexName = ({ table, columns }: UniqueColumns) => `${table}_unique_${columns.join('_')}`;

let schema: Db | undefined;

/** The replica's schema as its migrations make it, in memory: what a loaded file must end up with. */
function schemaDatabase(): Db {
  if (!schema) {
    schema = openSqliteFile(':memory:');
    for (const migration of replicaMigrations) schema.exec(migration.up);
  }
  return schema;
}

