import { REPLICA_TABLES_DDL } from '@shared/sync/replica-tables';
import type { Migration } from '@shared/node/sqlite/migrate';

/** The back office's records, replicated to the kiosk so lookups work offline. */
export const replicaTables: Migration = {
  version: 1,
  name: 'replica tables',
  up: REPLICA_TABLES_DDL,
};
