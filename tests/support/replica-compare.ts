import type { Db } from '../../electron/core/db/open';
import { REPLICA_TABLES } from '../../shared/sync/replica-tables';

export type ReplicaRows = Record<string, unknown[][]>;

/** Every row of a replica, in key order: the live one of a kiosk connection, or a replica file's own. */
export function kioskReplicaRows(db: Db): ReplicaRows {
  return Object.fromEntries(
    REPLICA_TABLES.map(({ name, key }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY "${key}"`).raw().all() as unknown[][]]),
  );
}

/** The hub's rows a kiosk holds once its cursor reached `position` (all of them by default). */
export function hubReplicaRows(hubDb: Db, position = Number.MAX_SAFE_INTEGER): ReplicaRows {
  return Object.fromEntries(
    REPLICA_TABLES.map(({ name, key }) => [
      name,
      hubDb
        .prepare(
          `SELECT t.* FROM change_log c JOIN "${name}" t ON t."${key}" = c.row_key
           WHERE c.table_name = ? AND c.position <= ? AND c.deleted = 0 ORDER BY t."${key}"`,
        )
        .raw()
        .all(name, position) as unknown[][],
    ]),
  );
}
