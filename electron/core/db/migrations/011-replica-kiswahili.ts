import { REPLICA_OFFENCE_SW_DDL } from '@shared/sync/replica-tables';
import type { Migration } from '@shared/node/sqlite/migrate';

/**
 * A replica column for the Kiswahili name of each fine's offence (fees already carry
 * `name_sw`). Additive, as replica changes must be: NULL where a hub that predates it sent
 * none, and the kiosk then shows the English name.
 */
export const replicaKiswahili: Migration = {
  version: 11,
  name: 'replica kiswahili',
  up: REPLICA_OFFENCE_SW_DDL,
};
