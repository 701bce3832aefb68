import type pg from 'pg';
import { openSqliteFile } from '@shared/node/sqlite/open-sqlite';
import type { Cell } from '@shared/sync/protocol';
import type { SeedSummary } from '../hub-store';
import { inTransaction } from './postgres-connection';
import type { CatalogTable } from './replica-catalog';
import { HISTORY_LOCK_SQL } from './replica-history';

/** Rows per INSERT: large enough to keep round trips few, small enough to keep each array modest. */
const BATCH_ROWS = 5_000;

const quoted = (name: string) => `"${name}"`;

/**
 * Fills an empty replica from a SQLite file of replica tables (a back-office export, or the
 * demo generator's output) in one transaction, every row logged as a change so kiosks fetch
 * it, parents before children and each table in key order. Rows go in as one array per
 * column (INSERT … SELECT FROM unnest), a batch per round trip. Columns the file lacks stay at
 * their defaults; tables and columns the hub does not replicate are not read.
 */
export async function importReplica(pool: pg.Pool, catalog: Map<string, CatalogTable>, sourceFile: string): Promise<SeedSummary> {
  const started = performance.now();
  const source = openSqliteFile(sourceFile, { readonly: true, fileMustExist: true });
  try {
    const rows = await inTransaction(pool, async (client) => {
      await client.query(HISTORY_LOCK_SQL);
      const present = (await client.query<{ n: number }>('SELECT count(*) AS n FROM citizens')).rows[0]?.n ?? 0;
      if (present > 0) throw new Error(`the hub already has ${present} citizens: import into an empty hub`);
      let logged = 0;
      for (const entry of catalog.values()) {
        const { table } = entry;
        const inSource = new Set(source.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)').all(table.name).map((c) => c.name));
        const columns = entry.columns.filter((c) => inSource.has(c.name));
        if (columns.length === 0) throw new Error(`${sourceFile} has no ${table.name} table`);
        const insert = `INSERT INTO ${quoted(table.name)} (${columns.map((c) => quoted(c.name)).join(', ')})
                        SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')})`;
        const read = source.prepare<[], Cell[]>(`SELECT ${columns.map((c) => quoted(c.name)).join(', ')} FROM ${quoted(table.name)}`).raw();
        let batch: Cell[][] = columns.map(() => []);
        let batched = 0;
        const flush = async () => {
          if (batched > 0) await client.query(insert, batch);
          batch = columns.map(() => []);
          batched = 0;
        };
        for (const row of read.iterate()) {
          row.forEach((cell, i) => batch[i]?.push(cell));
          if (++batched === BATCH_ROWS) await flush();
        }
        await flush();
        const log = await client.query(
          `INSERT INTO change_log (position, table_name, row_key)
           SELECT nextval('change_log_positions'), $1, k::text FROM (SELECT ${quoted(table.key)} AS k FROM ${quoted(table.name)} ORDER BY 1) keys
           ON CONFLICT (table_name, row_key) DO UPDATE SET position = excluded.position, deleted = false`,
          [table.name],
        );
        logged += log.rowCount ?? 0;
      }
      return logged;
    });
    // Fresh statistics for tables that just grew from nothing: without them the planner guesses until autovacuum gets round to it.
    await pool.query(`ANALYZE ${[...catalog.values()].map((entry) => quoted(entry.table.name)).concat('change_log').join(', ')}`);
    return { rows, ms: Math.round(performance.now() - started) };
  } finally {
    source.close();
  }
}
