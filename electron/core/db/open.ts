import { openSqlite, type Db } from '@shared/node/sqlite/open-sqlite';
import type { DatabaseKey } from '../secrets/database-key';
import { migrations } from './migrations';
import { addReplicaTablesInMemory, attachReplica, moveReplicaOutOfKioskDatabase } from './replica-attachment';
import { liveReplicaFile } from './replica-files';

export type { Db };

/**
 * Opens (or creates) the kiosk database with its schema up to date, and the live replica
 * attached to it (see replica-files.ts): one connection answers lookups from both. With a
 * key, the database and its replica files are sealed with it (a production kiosk); without,
 * they are plaintext (a demo).
 */
export function openDatabase(file: string, key?: DatabaseKey): Db {
  if (file === ':memory:' || file === '') {
    const db = openSqlite(file, migrations);
    addReplicaTablesInMemory(db);
    return db;
  }
  return openSqlite(file, migrations, {
    key,
    prepare: (db) => {
      attachReplica(db, liveReplicaFile(file));
      moveReplicaOutOfKioskDatabase(db);
    },
  });
}
