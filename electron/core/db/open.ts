import { openSqlite, type Db } from '@shared/node/sqlite/open-sqlite';
import { migrations } from './migrations';
import { addReplicaTablesInMemory, attachReplica, moveReplicaOutOfKioskDatabase } from './replica-attachment';
import { liveReplicaFile } from './replica-files';

export type { Db };

/**
 * Opens (or creates) the kiosk database with its schema up to date, and the live replica
 * attached to it (see replica-files.ts): one connection answers lookups from both.
 */
export function openDatabase(file: string): Db {
  if (file === ':memory:' || file === '') {
    const db = openSqlite(file, migrations);
    addReplicaTablesInMemory(db);
    return db;
  }
  return openSqlite(file, migrations, (db) => {
    attachReplica(db, liveReplicaFile(file));
    moveReplicaOutOfKioskDatabase(db);
  });
}
