import type pg from 'pg';
import { REPLICA_TABLES, type ReplicaTable } from '@shared/sync/replica-tables';

export interface ReplicaColumn {
  name: string;
  /** PostgreSQL's name for the type, as an array cast takes it: bigint, text. */
  type: string;
}

export interface CatalogTable {
  table: ReplicaTable;
  /** In table order: the order a kiosk receives a row's cells in. */
  columns: ReplicaColumn[];
  /** The change log keeps keys as text; this is the cast back to the key column's type. */
  keyType: string;
}

/**
 * The replica tables' columns as the migrated database has them, read once at open: edits
 * naming another column are refused before any SQL is built from them, and keys and bulk
 * loads are cast to the right types.
 */
export async function readReplicaCatalog(pool: pg.Pool): Promise<Map<string, CatalogTable>> {
  const { rows } = await pool.query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT table_name, column_name, data_type FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ANY($1::text[]) ORDER BY table_name, ordinal_position`,
    [REPLICA_TABLES.map((t) => t.name)],
  );
  const catalog = new Map<string, CatalogTable>();
  for (const table of REPLICA_TABLES) {
    const columns = rows.filter((r) => r.table_name === table.name).map((r) => ({ name: r.column_name, type: r.data_type }));
    const keyType = columns.find((c) => c.name === table.key)?.type;
    if (keyType === undefined) throw new Error(`the hub database has no ${table.name}.${table.key}: is it migrated?`);
    catalog.set(table.name, { table, columns, keyType });
  }
  return catalog;
}

/** A key as the change log holds it (text), back as the wire had it: a number for an integer key. */
export function keyFromLog(entry: CatalogTable, rowKey: string): string | number {
  return entry.keyType === 'text' ? rowKey : Number(rowKey);
}
