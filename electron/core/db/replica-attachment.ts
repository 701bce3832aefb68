import { attachSqlite, connectionKey, openSqlite, type Db } from '@shared/node/sqlite/open-sqlite';
import { REPLICA_TABLES } from '@shared/sync/replica-tables';
import { replicaMigrations } from './replica-migrations';

/** The schema name the replica is attached under; queries name its tables unqualified. */
const REPLICA_SCHEMA = 'replica';

/**
 * Attaches the replica file to a kiosk connection, creating or migrating it first, sealed
 * with the kiosk database's own key. The kiosk database itself holds no replica table (since
 * migration 12), so the unqualified `citizens`, `fines`… of every query resolve to the
 * attached file.
 */
export function attachReplica(db: Db, file: string): void {
  openSqlite(file, replicaMigrations, { key: connectionKey(db) }).close();
  attachSqlite(db, file, REPLICA_SCHEMA);
}

/**
 * An in-memory kiosk (tests, tools) keeps its replica tables in its own database: nothing
 * loads into it from another thread, and SQLite here opens no shared in-memory database.
 */
export function addReplicaTablesInMemory(db: Db): void {
  for (const migration of replicaMigrations) db.exec(migration.up);
}

/** Where the replica's tables are on this connection: the attached file, or the in-memory kiosk's own database. */
export function replicaSchema(db: Db): typeof REPLICA_SCHEMA | 'main' {
  return db.prepare(`SELECT 1 FROM pragma_database_list WHERE name = '${REPLICA_SCHEMA}'`).get() ? REPLICA_SCHEMA : 'main';
}

/**
 * Puts a newly completed replica generation in place of the attached one: the lookups after
 * this read the new file. Quick (no data is copied); never inside a transaction.
 */
export function reattachReplica(db: Db, file: string): void {
  db.exec(`DETACH DATABASE ${REPLICA_SCHEMA}`);
  attachSqlite(db, file, REPLICA_SCHEMA);
}

/** The attached replica's file (empty for one in memory). */
export function attachedReplicaFile(db: Db): string {
  return db.prepare<[], { file: string }>(`SELECT file FROM pragma_database_list WHERE name = '${REPLICA_SCHEMA}'`).get()?.file ?? '';
}

/** Whether the replica is complete enough to answer lookups: loaded from the hub, or seeded. */
export function isReplicaReady(db: Db): boolean {
  return db.prepare<[], { ready: number }>('SELECT ready_at IS NOT NULL AS ready FROM replica_state').get()?.ready === 1;
}

/** Marks the attached replica complete (a seeded demo replica; a load marks its own file). */
export function markReplicaReady(db: Db, at: Date): void {
  db.prepare('UPDATE replica_state SET ready_at = ? WHERE ready_at IS NULL').run(at.toISOString());
}

/**
 * A kiosk from before migration 12 keeps its replica in its own database. Its rows are copied
 * into the attached replica file first, in a transaction that writes only that file (a
 * transaction over two WAL files is not atomic as a whole); migration 12 then drops the old
 * tables, in one that writes only the kiosk database. A crash between the two copies again.
 */
export function moveReplicaOutOfKioskDatabase(db: Db): void {
  const hasOldTables = db.prepare("SELECT 1 FROM main.sqlite_schema WHERE type = 'table' AND name = 'citizens'").get() !== undefined;
  if (!hasOldTables) return;
  const cursor = db.prepare<[], { cursor: string }>("SELECT cursor FROM main.sync_cursors WHERE stream = 'replica'").get()?.cursor ?? null;
  db.transaction(() => {
    for (const { name } of [...REPLICA_TABLES].reverse()) db.exec(`DELETE FROM ${REPLICA_SCHEMA}."${name}"`);
    let rows = 0;
    for (const { name } of REPLICA_TABLES) {
      const columns = db.prepare<[string, string], { name: string }>('SELECT name FROM pragma_table_info(?, ?)').all(name, REPLICA_SCHEMA).map((c) => `"${c.name}"`).join(', ');
      rows += db.prepare(`INSERT INTO ${REPLICA_SCHEMA}."${name}" (${columns}) SELECT ${columns} FROM main."${name}"`).run().changes;
    }
    const ready = rows > 0 || cursor !== null ? new Date().toISOString() : null;
    db.prepare(`UPDATE ${REPLICA_SCHEMA}.replica_state SET cursor = ?, rows_loaded = ?, ready_at = ?`).run(cursor, rows, ready);
  })();
}
