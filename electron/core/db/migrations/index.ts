import type { Migration } from '@shared/node/sqlite/migrate';
import { replicaTables } from './001-replica';
import { localTables } from './002-local';
import { lookupTables } from './003-lookup';
import { staffTables } from './004-staff';
import { paymentTables } from './005-payments';
import { recoveryTables } from './006-recovery';
import { recoveryEmail } from './007-recovery-email';
import { recoveryStaff } from './008-recovery-staff';
import { auditHeadAck } from './009-audit-head-ack';
import { paymentDoubt } from './010-payment-doubt';
import { replicaKiswahili } from './011-replica-kiswahili';
import { replicaOwnFiles } from './012-replica-own-files';
import { centreStaff } from './013-centre-staff';

/**
 * In order; append only. The replica's tables lived here until migration 12 moved them to
 * files of their own; they now change in ../replica-migrations.ts.
 */
export const migrations: readonly Migration[] = [replicaTables, localTables, lookupTables, staffTables, paymentTables, recoveryTables, recoveryEmail, recoveryStaff, auditHeadAck, paymentDoubt, replicaKiswahili, replicaOwnFiles, centreStaff];
