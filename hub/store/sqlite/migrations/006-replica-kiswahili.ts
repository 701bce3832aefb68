import type { Migration } from '@shared/node/sqlite/migrate';
import { REPLICA_OFFENCE_SW_DDL } from '@shared/sync/replica-tables';

/** The kiosk's replica column for the Kiswahili name of each fine's offence, under the hub's own number. */
export const replicaKiswahili: Migration = { version: 6, name: 'replica kiswahili', up: REPLICA_OFFENCE_SW_DDL };
