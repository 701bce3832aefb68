import type { Migration } from '@shared/node/sqlite/migrate';
import { replicaTables } from './001-replica-tables';
import { hubTables } from './002-hub-tables';
import { mpesaCallbacks } from './003-mpesa-callbacks';
import { auditHeads } from './004-audit-heads';
import { mpesaCallbackClaims } from './005-mpesa-callback-claims';
import { replicaKiswahili } from './006-replica-kiswahili';
import { centresAndStaff } from './007-centres-and-staff';
import { consoleTables } from './008-console';
import { centreSettings } from './009-centre-settings';
import { consoleActions } from './010-console-actions';

/**
 * The SQLite hub's schema, in order; append only. A later kiosk migration that adds replica
 * columns belongs here too, under the hub's own next version number (and in ../../postgres/migrations).
 */
export const hubMigrations: readonly Migration[] = [replicaTables, hubTables, mpesaCallbacks, auditHeads, mpesaCallbackClaims, replicaKiswahili, centresAndStaff, consoleTables, centreSettings, consoleActions];
