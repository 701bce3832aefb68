import type { Migration } from '@shared/node/sqlite/migrate';

/**
 * The replica moves to files of its own (db/replica-files.ts), so loading it never holds
 * this database's write lock. `moveReplicaOutOfKioskDatabase` has copied the rows across
 * before this runs; here the old tables, an unfinished rebuild's tables and the replica's
 * cursors (now kept in the replica file) go.
 */
export const replicaOwnFiles: Migration = {
  version: 12,
  name: 'replica in its own files',
  up: `
    DROP TABLE IF EXISTS fines__next;
    DROP TABLE IF EXISTS vehicles__next;
    DROP TABLE IF EXISTS driving_licences__next;
    DROP TABLE IF EXISTS accounts__next;
    DROP TABLE IF EXISTS citizens__next;
    DROP TABLE IF EXISTS fees__next;
    DROP TABLE main.fines;
    DROP TABLE main.vehicles;
    DROP TABLE main.driving_licences;
    DROP TABLE main.accounts;
    DROP TABLE main.citizens;
    DROP TABLE main.fees;
    DELETE FROM sync_cursors WHERE stream IN ('replica', 'replica.next');
  `,
};
