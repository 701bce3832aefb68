import type { AuditLog } from './audit/audit-log';
import type { Clock } from './clock';
import type { Db } from './db/open';
import type { OffThreadSync } from './db/off-thread-sync';
import type { EmailGateway } from './email/email-gateway';
import type { CoreEvents } from './events';
import type { Logger } from '@shared/node/logging/logger';
import type { Outbox } from './outbox';
import type { IdentifierHasher } from './audit/identifier-hash';
import type { KioskSettings } from './settings/kiosk-settings';
import type { LocalSettings } from './settings/local-settings';
import type { SmsGateway } from './sms/sms-gateway';
import type { StaffPresence } from './staff-presence';
import type { OneTimeCodes } from './verification/one-time-codes';
import type { Visits } from './visits/visits';

/** What every feature of the core is built from; assembled once in `createKioskCore`. */
export interface CoreContext {
  readonly version: string;
  readonly kioskId: string;
  readonly db: Db;
  /** Commits synced off the answering thread: every record a call makes (payments too), and the sync loops' bookkeeping. */
  readonly offThreadSync: OffThreadSync;
  readonly clock: Clock;
  readonly settings: KioskSettings;
  readonly local: LocalSettings;
  readonly log: Logger;
  readonly audit: AuditLog;
  readonly outbox: Outbox;
  readonly events: CoreEvents;
  readonly visits: Visits;
  readonly hashIdentifier: IdentifierHasher;
  readonly staff: StaffPresence;
  /** Where SMS go: the simulator unless the `sms` settings name a provider. */
  readonly sms: SmsGateway;
  /** Where emails go: the simulator unless the `email` settings name a provider. */
  readonly email: EmailGateway;
  /** One-time codes sent by SMS (lookup, recovery). */
  readonly codes: OneTimeCodes;
}
