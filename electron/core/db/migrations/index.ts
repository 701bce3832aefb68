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

/**
 * In order; append only. Synced replica tables change additively (new columns, new
 * tables), never by dropping, so an older hub or kiosk still understands the data.
 */
export const migrations: readonly Migration[] = [replicaTables, localTables, lookupTables, staffTables, paymentTables, recoveryTables, recoveryEmail, recoveryStaff, auditHeadAck, paymentDoubt, replicaKiswahili];
