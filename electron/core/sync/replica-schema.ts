import type { Db } from '../db/open';
import { REPLICA_TABLES } from '@shared/sync/replica-tables';

/** Where a rebuild writes while the live table keeps serving lookups. */
export function nextTableName(table: string): string {
  return `${table}__next`;
}

/**
 * A rebuild table is the live table's own definition (whatever migrations made it) under
 * the next name. Its REFERENCES still name the live tables: foreign keys are not enforced
 * while the replica is written, and after the swap the names are right again.
 */
export function createNextTable(db: Db, table: string): void {
  const sql = db.prepare<[string], { sql: string }>("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table)?.sql;
  if (sql === undefined) throw new Error(`no replica table ${table}`);
  const renamed = sql.replace(/^CREATE TABLE\s+("?)(\w+)\1/i, `CREATE TABLE "${nextTableName(table)}"`);
  db.exec(`DROP TABLE IF EXISTS "${nextTableName(table)}"; ${renamed}`);
}

/**
 * The indexes (but the ones UNIQUE columns make) and triggers of the live replica tables:
 * the rebuild loads without them, faster, and the swap recreates them on the new tables.
 */
export function replicaDependents(db: Db): string[] {
  const names = REPLICA_TABLES.map((t) => t.name);
  return db
    .prepare<string[], { sql: string }>(
      `SELECT sql FROM sqlite_schema WHERE type IN ('index', 'trigger') AND sql IS NOT NULL
       AND tbl_name IN (${names.map(() => '?').join(', ')}) ORDER BY type, name`,
    )
    .all(...names)
    .map((row) => row.sql);
}

/**
 * Replaces every live replica table by its rebuilt one, in the caller's transaction. The
 * rename must not rewrite other tables' REFERENCES (they already name the live tables) nor
 * re-check views over tables that are briefly missing: legacy_alter_table does neither.
 */
export function swapInNextTables(db: Db): void {
  const dependents = replicaDependents(db);
  for (const { name } of [...REPLICA_TABLES].reverse()) db.exec(`DROP TABLE "${name}"`);
  for (const { name } of REPLICA_TABLES) db.exec(`ALTER TABLE "${nextTableName(name)}" RENAME TO "${name}"`);
  for (const sql of dependents) db.exec(sql);
}

export function dropNextTables(db: Db): void {
  for (const { name } of [...REPLICA_TABLES].reverse()) db.exec(`DROP TABLE IF EXISTS "${nextTableName(name)}"`);
}

/**
 * Runs `work` with the replica's foreign keys unchecked and ALTER TABLE in legacy mode. Both
 * pragmas only take effect outside a transaction, so `work` opens its own.
 */
export function withReplicaWriteMode<T>(db: Db, work: () => T): T {
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  db.pragma('legacy_alter_table = ON');
  try {
    return work();
  } finally {
    db.pragma('legacy_alter_table = OFF');
    if (foreignKeys) db.pragma('foreign_keys = ON');
  }
}
