import type pg from 'pg';
import type { Cell, TableChanges } from '@shared/sync/protocol';
import { replicaTable } from '@shared/sync/replica-tables';
import type { ChangeSlice, ReplicaEdit } from '../hub-store';
import { inTransaction } from './postgres-connection';
import { keyFromLog, type CatalogTable } from './replica-catalog';

export const EPOCH_KEY = 'history.epoch';

/**
 * Taken (until commit) by every transaction that assigns change-log positions or rewrites
 * the log. A sequence alone hands out numbers in call order, not commit order: writer A takes
 * 5, writer B takes 6 and commits first, a kiosk reads through 6 and moves its cursor past 5,
 * which A then commits unseen. Under this lock a writer draws its positions only after the
 * previous writer committed, so positions commit in order and every snapshot holds a prefix
 * of the history. Writers queue, as they do on SQLite's one write lock; readers never wait.
 */
export const HISTORY_LOCK_SQL = 'SELECT pg_advisory_xact_lock(7235174723490441)';

/** INSERT OR REPLACE of SQLite: the row's entry moves to the new position. */
const LOG_CHANGE_SQL = `
  INSERT INTO change_log (position, table_name, row_key, deleted) VALUES (nextval('change_log_positions'), $1, $2, $3)
  ON CONFLICT (table_name, row_key) DO UPDATE SET position = excluded.position, deleted = excluded.deleted`;

const quoted = (name: string) => `"${name}"`;

/** The hub's replica and its change log on PostgreSQL; see the SQLite ReplicaHistory for the shape. */
export class ReplicaHistory {
  /** The last count and the history it was taken of: counting millions of rows is a scan, asked for on every page. */
  private counted: { epoch: string; head: number; rows: number } | undefined;

  constructor(
    private readonly pool: pg.Pool,
    private readonly catalog: Map<string, CatalogTable>,
  ) {}

  /** One REPEATABLE READ snapshot: the head, the epoch and the rows agree with each other. */
  read(after: number, limit: number): Promise<ChangeSlice> {
    return inTransaction(
      this.pool,
      async (client): Promise<ChangeSlice> => {
        const meta = await client.query<{ epoch: string; head: number }>(
          `SELECT (SELECT value FROM hub_meta WHERE key = $1) AS epoch, (SELECT coalesce(max(position), 0) FROM change_log) AS head`,
          [EPOCH_KEY],
        );
        const epoch = meta.rows[0]?.epoch ?? '';
        const head = meta.rows[0]?.head ?? 0;
        const end = await client.query<{ position: number }>('SELECT position FROM change_log WHERE position > $1 ORDER BY position LIMIT 1 OFFSET $2', [after, limit - 1]);
        const through = Math.max(after, end.rows[0]?.position ?? head);
        const changes: TableChanges[] = [];
        for (const entry of this.catalog.values()) {
          const { table } = entry;
          const result = await client.query<Cell[]>({
            text: `SELECT t.* FROM change_log c JOIN ${quoted(table.name)} t ON t.${quoted(table.key)} = c.row_key::${entry.keyType}
                    WHERE c.position > $1 AND c.position <= $2 AND c.table_name = $3 AND NOT c.deleted ORDER BY c.position`,
            values: [after, through, table.name],
            rowMode: 'array',
          });
          if (result.rows.length > 0) {
            changes.push({ table: table.name, columns: result.fields.map((f) => f.name), upserts: result.rows, deletes: [] });
          }
        }
        const deleted = await client.query<{ table_name: string; row_key: string }>(
          'SELECT table_name, row_key FROM change_log WHERE position > $1 AND position <= $2 AND deleted ORDER BY position',
          [after, through],
        );
        for (const { table_name, row_key } of deleted.rows) {
          const entry = this.catalog.get(table_name);
          let changed = changes.find((c) => c.table === table_name);
          if (!changed) {
            changed = { table: table_name, columns: [replicaTable(table_name)?.key ?? 'id'], upserts: [], deletes: [] };
            changes.push(changed);
          }
          changed.deletes.push(entry ? keyFromLog(entry, row_key) : row_key);
        }
        return { epoch, head, through, changes, hasMore: through < head, totalRows: await this.totalRows(client, epoch, head) };
      },
      'REPEATABLE READ READ ONLY',
    );
  }

  /** Within one epoch and head the log cannot change (every edit takes a new position, a reset a new epoch). */
  private async totalRows(client: pg.PoolClient, epoch: string, head: number): Promise<number> {
    const counted = this.counted;
    if (counted?.epoch === epoch && counted.head === head) return counted.rows;
    const rows = (await client.query<{ n: number }>('SELECT count(*) AS n FROM change_log')).rows[0]?.n ?? 0;
    this.counted = { epoch, head, rows };
    return rows;
  }

  /** All edits in one transaction; the foreign keys refuse an edit that orphans a row. */
  write(edits: ReplicaEdit[]): Promise<void> {
    return inTransaction(this.pool, async (client) => {
      await client.query(HISTORY_LOCK_SQL);
      for (const edit of edits) {
        const entry = this.catalog.get(edit.table);
        if (!entry) throw new RangeError(`not a replica table: ${edit.table}`);
        const { table } = entry;
        for (const row of edit.upserts ?? []) {
          const key = row[table.key];
          if (key === undefined || key === null) throw new RangeError(`${table.name} rows need their ${table.key}`);
          await this.upsert(client, entry, row);
          await client.query(LOG_CHANGE_SQL, [table.name, String(key), false]);
        }
        for (const key of edit.deletes ?? []) {
          await client.query(`DELETE FROM ${quoted(table.name)} WHERE ${quoted(table.key)} = $1`, [key]);
          await client.query(LOG_CHANGE_SQL, [table.name, String(key), true]);
        }
      }
    });
  }

  reset(epoch: string): Promise<void> {
    return inTransaction(this.pool, async (client) => {
      await client.query(HISTORY_LOCK_SQL);
      await client.query('DELETE FROM change_log WHERE deleted');
      await client.query('UPDATE hub_meta SET value = $1 WHERE key = $2', [epoch, EPOCH_KEY]);
    });
  }

  /** Updates the given columns of an existing row, or inserts a new one from them. */
  private async upsert(client: pg.PoolClient, entry: CatalogTable, row: Record<string, Cell>): Promise<void> {
    const { table } = entry;
    const columns = Object.keys(row);
    const unknown = columns.find((c) => !entry.columns.some((known) => known.name === c));
    if (unknown !== undefined) throw new RangeError(`${table.name} has no column ${unknown}`);
    const others = columns.filter((c) => c !== table.key);
    if (others.length > 0) {
      const updated = await client.query(
        `UPDATE ${quoted(table.name)} SET ${others.map((c, i) => `${quoted(c)} = $${i + 1}`).join(', ')} WHERE ${quoted(table.key)} = $${others.length + 1}`,
        [...others.map((c) => row[c]), row[table.key]],
      );
      if (updated.rowCount === 1) return;
    }
    await client.query(
      `INSERT INTO ${quoted(table.name)} (${columns.map(quoted).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
      columns.map((c) => row[c]),
    );
  }
}
