import type { PostgresMigration } from '../migrate-postgres';
import { replicaTables } from './001-replica-tables';
import { hubTables } from './002-hub-tables';
import { mpesaCallbacks } from './003-mpesa-callbacks';
import { kioskAuditHeads } from './004-kiosk-audit-heads';
import { centresAndStaff } from './005-centres-and-staff';
import { consoleTables } from './006-console';
import { applyUploadFunction } from './007-apply-upload';
import { centreSettings } from './008-centre-settings';
import { consoleActions } from './009-console-actions';

/**
 * The hub's PostgreSQL schema, in order; append only. A later replica column (a new kiosk
 * migration) comes here as a new step too, as it does in the SQLite hub's list.
 */
export const postgresMigrations: readonly PostgresMigration[] = [replicaTables, hubTables, mpesaCallbacks, kioskAuditHeads, centresAndStaff, consoleTables, applyUploadFunction, centreSettings, consoleActions];
