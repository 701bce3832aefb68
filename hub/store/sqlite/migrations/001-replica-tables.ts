import type { Migration } from '@shared/node/sqlite/migrate';
import { REPLICA_TABLES_DDL } from '@shared/sync/replica-tables';

/** The hub's replica tables are the kiosk's own (same DDL), so the kiosk's demo generator fills them directly. */
export const replicaTables: Migration = { version: 1, name: 'replica tables', up: REPLICA_TABLES_DDL };
