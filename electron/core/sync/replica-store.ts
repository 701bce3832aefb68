import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import type { ChangePage, TableChanges } from '@shared/sync/protocol';
import { createNextTable, dropNextTables, nextTableName, swapInNextTables, withReplicaWriteMode } from './replica-schema';
import { REPLICA_TABLES, replicaTable, type ReplicaTable } from '@shared/sync/replica-tables';
import { SyncFailure } from './sync-failure';

/**
 * Page cache while a rebuild writes (KiB): the new tables' unique indexes take random
 * inserts, and re-reading their pages for every row would halve the load rate.
 */
const REBUILD_CACHE_KIB = 256 * 1024;

const LIVE_STREAM = 'replica';
const REBUILD_STREAM = 'replica.next';

/** Which tables the next page goes to, and the cursor to ask from (none: the beginning). */
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

/**
 * The kiosk's replica as the downloader writes it: each page and its cursor commit in one
 * transaction, so a crash never leaves half a page or a cursor ahead of the rows. A rebuild
 * fills `<table>__next` tables with their own cursor while the live tables keep serving,
 * then swaps them in at once.
 *
 * Foreign keys are not checked here: the hub enforces them, and a page is a slice of the
 * hub's history in change order, which may name a fine before the citizen it belongs to.
 */
export class ReplicaStore {
  private readonly cursorStmt;
  private readonly saveCursorStmt;
  private readonly dropCursorStmt;
  private writers = new Map<string, RowWriter>();
  /** The connection's own cache size, while a rebuild has raised it. */
  private normalCacheSize: number | undefined;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.cursorStmt = db.prepare<[string], { cursor: string }>('SELECT cursor FROM sync_cursors WHERE stream = ?');
    this.saveCursorStmt = db.prepare(
      `INSERT INTO sync_cursors (stream, cursor, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (stream) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`,
    );
    this.dropCursorStmt = db.prepare('DELETE FROM sync_cursors WHERE stream = ?');
  }

  /** Undefined before the first download: the replica must be built from nothing. */
  position(): ReplicaPosition | undefined {
    const rebuild = this.cursorStmt.get(REBUILD_STREAM)?.cursor;
    if (rebuild !== undefined) return { target: 'next', cursor: rebuild === '' ? undefined : rebuild };
    const live = this.cursorStmt.get(LIVE_STREAM)?.cursor;
    return live === undefined ? undefined : { target: 'live', cursor: live };
  }

  /** Starts (or restarts) a rebuild from the beginning of the hub's history. */
  beginRebuild(): void {
    this.writers.clear();
    this.db.transaction(() => {
      dropNextTables(this.db);
      for (const { name } of REPLICA_TABLES) createNextTable(this.db, name);
      this.saveCursor(REBUILD_STREAM, '');
    })();
  }

  apply(page: ChangePage, target: ReplicaPosition['target']): void {
    if (target === 'next') this.raiseCache();
    withReplicaWriteMode(this.db, () =>
      this.db.transaction(() => {
        for (const changes of page.changes) {
          const table = replicaTable(changes.table);
          // A table this kiosk's schema does not have yet (a newer hub): nothing to keep it in.
          if (table) this.applyTable(table, target, changes);
        }
        this.saveCursor(target === 'live' ? LIVE_STREAM : REBUILD_STREAM, page.cursor);
      })(),
    );
  }

  /** The rebuild is complete: it becomes the live replica, with its indexes, in one transaction. */
  finishRebuild(): void {
    const cursor = this.cursorStmt.get(REBUILD_STREAM)?.cursor;
    if (cursor === undefined || cursor === '') throw new Error('no finished rebuild to swap in');
    this.writers.clear();
    withReplicaWriteMode(this.db, () =>
      this.db.transaction(() => {
        swapInNextTables(this.db);
        this.saveCursor(LIVE_STREAM, cursor);
        this.dropCursorStmt.run(REBUILD_STREAM);
      })(),
    );
    if (this.normalCacheSize !== undefined) this.db.pragma(`cache_size = ${this.normalCacheSize}`);
    this.normalCacheSize = undefined;
  }

  private applyTable(table: ReplicaTable, target: ReplicaPosition['target'], changes: TableChanges): void {
    const writer = this.writer(target === 'live' ? table.name : nextTableName(table.name), table, changes.columns);
    for (const row of changes.upserts) {
      if (row.length !== changes.columns.length) throw new SyncFailure('refused', `a ${table.name} row has ${row.length} cells for ${changes.columns.length} columns`);
      writer.upsert.run(writer.pick ? writer.pick.map((i) => row[i]) : row);
    }
    for (const key of changes.deletes) writer.remove.run(key);
  }

  /**
   * INSERT OR REPLACE, not an upsert on the key: a row arriving before the stale row still
   * holding its unique value (a passport number moved between citizens) evicts that row,
   * which the hub sends again later in the same history because it changed after.
   */
  private writer(target: string, table: ReplicaTable, columns: string[]): RowWriter {
    const cacheKey = `${target}:${columns.join(',')}`;
    let writer = this.writers.get(cacheKey);
    if (writer) return writer;
    const local = new Set(
      this.db.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)').all(target).map((c) => c.name),
    );
    const kept = columns.filter((c) => local.has(c));
    if (!kept.includes(table.key)) throw new SyncFailure('refused', `the hub sent ${table.name} rows without their ${table.key}`);
    writer = {
      upsert: this.db.prepare<unknown[]>(
        `INSERT OR REPLACE INTO "${target}" (${kept.map((c) => `"${c}"`).join(', ')}) VALUES (${kept.map(() => '?').join(', ')})`,
      ),
      remove: this.db.prepare<unknown[]>(`DELETE FROM "${target}" WHERE "${table.key}" = ?`),
      pick: kept.length === columns.length ? undefined : kept.map((c) => columns.indexOf(c)),
    };
    this.writers.set(cacheKey, writer);
    return writer;
  }

  private raiseCache(): void {
    if (this.normalCacheSize !== undefined) return;
    this.normalCacheSize = this.db.pragma('cache_size', { simple: true }) as number;
    this.db.pragma(`cache_size = -${REBUILD_CACHE_KIB}`);
  }

  private saveCursor(stream: string, cursor: string): void {
    this.saveCursorStmt.run(stream, cursor, this.clock.now().toISOString());
  }
}
