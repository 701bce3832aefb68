import Database from 'better-sqlite3-multiple-ciphers';
import { addReplicaTablesInMemory } from '../../electron/core/db/replica-attachment';
import type { Db } from '../../electron/core/db/open';
import { AuditLog } from '../../electron/core/audit/audit-log';
import { manualClock } from '../../electron/core/clock';
import { localTables } from '../../electron/core/db/migrations/002-local';
import { paymentTables } from '../../electron/core/db/migrations/005-payments';
import { paymentDoubt } from '../../electron/core/db/migrations/010-payment-doubt';
import { silentLogger, type Logger } from '../../shared/node/logging/logger';
import { Outbox } from '../../electron/core/outbox';
import { OffThreadSync } from '../../electron/core/db/off-thread-sync';

/**
 * A real SQLite database (in memory) with the replica, local and payment tables, and the
 * audit log and outbox on it: what the payment store needs, without the rest of the core (an
 * in-memory database's commits have nothing to sync, so its OffThreadSync commits them as is).
 */
export function paymentDb(): { db: Db; clock: ReturnType<typeof manualClock>; audit: AuditLog; outbox: Outbox; log: Logger; offThreadSync: OffThreadSync } {
  const db: Db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  addReplicaTablesInMemory(db);
  for (const migration of [localTables, paymentTables, paymentDoubt]) db.exec(migration.up);
  const clock = manualClock('2026-11-22T09:00:00+03:00');
  return { db, clock, audit: new AuditLog(db, clock), outbox: new Outbox(db, clock), log: silentLogger, offThreadSync: new OffThreadSync(db, silentLogger) };
}
