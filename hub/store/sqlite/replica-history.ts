import type Database from 'better-sqlite3';
import type { Db } from '@shared/node/sqlite/open-sqlite';
import type { Cell, TableChanges } from '@shared/sync/protocol';
import { REPLICA_TABLES, replicaTable, type ReplicaTable } from '@shared/sync/replica-tables';
import type { ChangeSlice, ReplicaEdit, SeedSummary } from '../hub-store';

const EPOCH_KEY = 'history.epoch';

/** A table's changed rows in a position range, in change order; the join walks the log. */
function changedRowsStatement(db: Db, table: ReplicaTable): Database.Statement<[number, number], Cell[]> {
  return db
    .prepare<[number, number], Cell[]>(
      `SELECT t.* FROM change_log c CROSS JOIN "${table.name}" t ON t."${table.key}" = c.row_key
       WHERE c.position > ? AND c.position <= ? AND c.table_name = '${table.name}' AND c.deleted = 0
       ORDER BY c.position`,
    )
    .raw();
}

/**
 * The hub's replica and its change log: back-office edits go in with a new position each,
 * kiosks read what changed after the position their cursor names.
 */
export class ReplicaHistory {
  private readonly epochStmt;
  private readonly headStmt;
  private readonly sliceEndStmt;
  private readonly deletedStmt;
  private readonly logStmt;
  private readonly countStmt;
  /** The last count and the history it was taken of: counting a million rows is a scan, asked for on every page. */
  private counted: { epoch: string; head: number; rows: number } | undefined;
  private readonly changedRows;
  private readonly editStatements = new Map<string, Database.Statement<unknown[]>>();

  constructor(
    private readonly db: Db,
    newEpoch: () => string,
  ) {
    db.prepare('INSERT OR IGNORE INTO hub_meta (key, value) VALUES (?, ?)').run(EPOCH_KEY, newEpoch());
    this.epochStmt = db.prepare<[], { value: string }>(`SELECT value FROM hub_meta WHERE key = '${EPOCH_KEY}'`);
    this.headStmt = db.prepare<[], { head: number }>('SELECT coalesce(max(position), 0) AS head FROM change_log');
    this.sliceEndStmt = db.prepare<[number, number], { position: number }>(
      'SELECT position FROM change_log WHERE position > ? ORDER BY position LIMIT 1 OFFSET ?',
    );
    this.deletedStmt = db.prepare<[number, number], { table_name: string; row_key: string | number }>(
      'SELECT table_name, row_key FROM change_log WHERE position > ? AND position <= ? AND deleted = 1 ORDER BY position',
    );
    // REPLACE drops the row's previous entry, so the log keeps one position per row.
    this.logStmt = db.prepare('INSERT OR REPLACE INTO change_log (table_name, row_key, deleted) VALUES (?, ?, ?)');
    this.countStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM change_log');
    this.changedRows = REPLICA_TABLES.map((table) => ({ table, statement: changedRowsStatement(db, table) }));
  }

  read(after: number, limit: number): ChangeSlice {
    return this.db.transaction((): ChangeSlice => {
      const epoch = this.epochStmt.get()?.value ?? '';
      const head = this.headStmt.get()?.head ?? 0;
      const through = Math.max(after, this.sliceEndStmt.get(after, limit - 1)?.position ?? head);
      const changes: TableChanges[] = [];
      for (const { table, statement } of this.changedRows) {
        const upserts = statement.all(after, through);
        if (upserts.length > 0) {
          changes.push({ table: table.name, columns: statement.columns().map((c) => c.name), upserts, deletes: [] });
        }
      }
      for (const { table_name, row_key } of this.deletedStmt.all(after, through)) {
        let entry = changes.find((c) => c.table === table_name);
        if (!entry) {
          entry = { table: table_name, columns: [replicaTable(table_name)?.key ?? 'id'], upserts: [], deletes: [] };
          changes.push(entry);
        }
        entry.deletes.push(row_key);
      }
      return { epoch, head, through, changes, hasMore: through < head, totalRows: this.totalRows(epoch, head) };
    })();
  }

  /**
   * The log keeps one entry per row (a tombstone for a deletion), so its size is what a load
   * from nothing receives. Within one epoch and head the log cannot change (every edit takes
   * a new position, a reset a new epoch), so the count is taken once per snapshot.
   */
  private totalRows(epoch: string, head: number): number {
    const counted = this.counted;
    if (counted?.epoch === epoch && counted.head === head) return counted.rows;
    const rows = this.countStmt.get()?.n ?? 0;
    this.counted = { epoch, head, rows };
    return rows;
  }

  /** All edits in one transaction; the hub's foreign keys refuse an edit that orphans a row. */
  write(edits: ReplicaEdit[]): void {
    this.db.transaction(() => {
      for (const edit of edits) {
        const table = replicaTable(edit.table);
        if (!table) throw new RangeError(`not a replica table: ${edit.table}`);
        for (const row of edit.upserts ?? []) {
          const key = row[table.key];
          if (key === undefined || key === null) throw new RangeError(`${table.name} rows need their ${table.key}`);
          const cells = Object.entries(row);
          this.upsert(table, cells.map(([column]) => column), cells.map(([, value]) => value));
          this.logStmt.run(table.name, key, 0);
        }
        for (const key of edit.deletes ?? []) {
          this.editStatement(`delete:${table.name}`, () => `DELETE FROM "${table.name}" WHERE "${table.key}" = ?`).run(key);
          this.logStmt.run(table.name, key, 1);
        }
      }
    })();
  }

  reset(epoch: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM change_log WHERE deleted = 1').run();
      this.db.prepare('UPDATE hub_meta SET value = ? WHERE key = ?').run(epoch, EPOCH_KEY);
    })();
  }

  /**
   * Fills an empty replica from a SQLite file holding the replica tables (a back-office export,
   * or the demo generator's output), every row logged as a change so kiosks fetch it. Columns
   * the file lacks stay at their defaults; tables and columns the hub does not replicate are
   * not read.
   */
  importReplica(sourceFile: string): SeedSummary {
    const started = performance.now();
    const present = this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM citizens').get()?.n ?? 0;
    if (present > 0) throw new Error(`the hub already has ${present} citizens: import into an empty hub`);
    this.db.prepare('ATTACH DATABASE ? AS source').run(sourceFile);
    try {
      const rows = this.db.transaction(() => {
        let logged = 0;
        for (const table of REPLICA_TABLES) {
          const columns = this.db
            .prepare<[string, string], { name: string }>(
              "SELECT name FROM pragma_table_info(?, 'main') WHERE name IN (SELECT name FROM pragma_table_info(?, 'source'))",
            )
            .all(table.name, table.name)
            .map((c) => `"${c.name}"`)
            .join(', ');
          if (columns === '') throw new Error(`${sourceFile} has no ${table.name} table`);
          this.db.exec(`INSERT INTO main."${table.name}" (${columns}) SELECT ${columns} FROM source."${table.name}"`);
          logged += this.db
            .prepare(`INSERT OR REPLACE INTO change_log (table_name, row_key) SELECT ?, "${table.key}" FROM main."${table.name}" ORDER BY "${table.key}"`)
            .run(table.name).changes;
        }
        return logged;
      })();
      return { rows, ms: Math.round(performance.now() - started) };
    } finally {
      this.db.exec('DETACH DATABASE source');
    }
  }

  /** Updates the given columns of an existing row, or inserts a new one from them. */
  private upsert(table: ReplicaTable, columns: string[], values: Cell[]): void {
    const list = columns.map((c) => `"${c}"`).join(', ');
    const prepare = (verb: string, sql: () => string) =>
      this.editStatement(`${verb}:${table.name}:${list}`, () => {
        const info = this.db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table.name}')`).all();
        const known = new Set(info.map((c) => c.name));
        const unknown = columns.find((c) => !known.has(c));
        if (unknown !== undefined) throw new RangeError(`${table.name} has no column ${unknown}`);
        return sql();
      });
    const keyAt = columns.indexOf(table.key);
    const others = columns.filter((c) => c !== table.key);
    if (others.length > 0) {
      const update = prepare('update', () => `UPDATE "${table.name}" SET ${others.map((c) => `"${c}" = ?`).join(', ')} WHERE "${table.key}" = ?`);
      if (update.run([...values.filter((_, i) => i !== keyAt), values[keyAt]]).changes > 0) return;
    }
    prepare('insert', () => `INSERT INTO "${table.name}" (${list}) VALUES (${columns.map(() => '?').join(', ')})`).run(values);
  }

  /** Statements for edits, prepared once per table and column list. */
  private editStatement(cacheKey: string, sql: () => string): Database.Statement<unknown[]> {
    let statement = this.editStatements.get(cacheKey);
    if (!statement) {
      statement = this.db.prepare<unknown[]>(sql());
      this.editStatements.set(cacheKey, statement);
    }
    return statement;
  }
}
