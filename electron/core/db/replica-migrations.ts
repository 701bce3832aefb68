import { REPLICA_OFFENCE_SW_DDL, REPLICA_TABLES_DDL } from '@shared/sync/replica-tables';
import type { Migration } from '@shared/node/sqlite/migrate';

/**
 * The schema of a replica file (see replica-files.ts), numbered on its own. The first two
 * steps are the back office's tables as the kiosk's migrations 1 and 11 made them when the
 * replica lived in the kiosk database; append only, additive, as replica changes must be.
 */
export const replicaMigrations: readonly Migration[] = [
  { version: 1, name: 'replica tables', up: REPLICA_TABLES_DDL },
  { version: 2, name: 'replica kiswahili', up: REPLICA_OFFENCE_SW_DDL },
  {
    version: 3,
    name: 'replica state',
    // One row: how far this file has followed the hub's history (its cursor, committed with
    // each page), and since when it is complete enough to answer lookups. A file being
    // loaded has ready_at NULL; so has the empty first file of a kiosk never loaded.
    up: `
      CREATE TABLE replica_state (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        cursor      TEXT,
        rows_loaded INTEGER NOT NULL DEFAULT 0,
        ready_at    TEXT
      ) STRICT;
      INSERT INTO replica_state (id) VALUES (1);
    `,
  },
];
