import { randomBytes, randomUUID } from 'node:crypto';
import type { EventName, EventPayload } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { AuditLog } from './audit/audit-log';
import { startNightlyBackups, type BackupPlan } from './backup/nightly-backups';
import { systemClock, type Clock } from './clock';
import type { CoreContext } from './context';
import { openDatabase } from './db/open';
import { createDispatcher } from './dispatch';
import { CoreEvents } from './events';
import type { Handlers } from './handlers';
import { silentLogger, type Logger } from '../../shared/node/logging/logger';
import { lookupHandlers } from './lookup/lookup-handlers';
import { Outbox } from './sync/outbox';
import { overridesHandlers } from './overrides/overrides-handlers';
import type { PaymentAdapterOptions } from './payments/payment-adapters';
import type { CallbackDisposition } from './payments/payment-service';
import { createPayments } from './payments/payments-feature';
import { identifierHasher } from './audit/identifier-hash';
import { recoveryHandlers } from './recovery/recovery-handlers';
import { parseKioskSettings } from './settings/kiosk-settings';
import { LocalSettings } from './settings/local-settings';
import { createSmsGateway } from './sms/create-sms-gateway';
import { createStaffDesk } from './staff-desk';
import { createEmailGateway } from './email/create-email-gateway';
import { syncHandlers } from './sync/sync-handlers';
import { SyncService } from './sync/sync-service';
import { systemHandlers } from './visits/visit-handlers';
import { OneTimeCodes } from './verification/one-time-codes';
import { Visits } from './visits/visits';

export interface KioskCoreOptions {
  databaseFile: string;
  /** Deployment settings as stored by the shell; validated and defaulted here. */
  settings?: unknown;
  clock?: Clock;
  log?: Logger;
  version?: string;
  /** Payment providers the shell started (the Daraja simulator) or supplies instead of the settings' choice. */
  payments?: PaymentAdapterOptions;
  /** Nightly online backups of the database, when the shell gives them a folder. */
  backups?: BackupPlan;
}

export interface KioskCore {
  /** Every call from either shell comes through here. */
  invoke(name: unknown, payload: unknown): Promise<Result<unknown>>;
  subscribe(listener: <E extends EventName>(name: E, payload: EventPayload<E>) => void): () => void;
  close(): void;
  readonly context: CoreContext;
  /** A Daraja STK callback forwarded by the back office, with the attempt reference its address named: settles its payment (once) when Daraja agrees. */
  acceptMpesaCallback(body: unknown, attemptReference?: string): Promise<CallbackDisposition>;
  /** Resolves when no payment is being polled or charged in the background. */
  paymentsIdle(): Promise<void>;
}

/** Grace after the idle warning before the core itself ends a silent visit. */
const VISIT_GRACE_MS = 30_000;

export function createKioskCore(options: KioskCoreOptions): KioskCore {
  const settings = parseKioskSettings(options.settings);
  const clock = options.clock ?? systemClock;
  const log = options.log ?? silentLogger;
  const db = openDatabase(options.databaseFile);
  const local = new LocalSettings(db);
  const audit = new AuditLog(db, clock);
  const events = new CoreEvents();
  const sms = createSmsGateway(settings.sms, clock);
  const email = createEmailGateway(settings.email, clock);
  const context: CoreContext = {
    version: options.version ?? '0.0.0',
    kioskId: local.getOrCreate('kiosk.id', () => `kiosk-${randomUUID().slice(0, 8)}`),
    db,
    clock,
    settings,
    local,
    log,
    audit,
    outbox: new Outbox(db, clock),
    events,
    // While staff are signed in, their screens' longer idle time holds the visit open too.
    visits: new Visits(db, clock, audit, events, () => {
      const idleSeconds = staff.attended.isSignedIn() ? Math.max(settings.idle.timeoutSeconds, settings.staff.idleTimeoutSeconds) : settings.idle.timeoutSeconds;
      return (idleSeconds + settings.idle.warningSeconds) * 1000 + VISIT_GRACE_MS;
    }),
    hashIdentifier: identifierHasher(local.getOrCreate('identifier.hash.key', () => randomBytes(32).toString('base64'))),
    staff: { current: () => staff.attended.current() },
    sms,
    email,
    codes: new OneTimeCodes({ db, clock, audit, log, sms, email, settings: settings.verification, hashIdentifier: (kind, value) => context.hashIdentifier(kind, value) }),
  };
  const staff = createStaffDesk(context, () => sync.status());
  // Attended mode belongs to the visit in which staff proved who they are: it ends with it.
  events.subscribe((name) => {
    if (name === 'visit.ended') staff.attended.endWithVisit();
  });

  const sync = new SyncService({
    ...context,
    settings: settings.sync,
    onStatus: (status) => events.emit('sync.status', status),
    // Read only once sync starts, below, when the payments exist.
    mpesaCallbacks: {
      awaited: () => payments.service.awaitedMpesa(),
      accept: (body, attemptReference) => payments.service.acceptMpesaCallback(body, attemptReference ?? undefined),
      noRecordsFor: (references) => payments.service.noRecordsFor(references),
    },
  });

  const payments = createPayments(context, options.databaseFile, options.payments);

  const handlers: Handlers = {
    ...systemHandlers(context),
    ...syncHandlers(sync),
    ...lookupHandlers(context),
    ...payments.handlers,
    ...staff.handlers,
    ...recoveryHandlers(context),
    ...overridesHandlers(context, payments.service),
  };
  const dispatch = createDispatcher({ handlers, log, staffRole: () => context.staff.current()?.role });
  // Runs only when a hub URL is configured; without one the outbox simply keeps every event.
  sync.start();
  const stopBackups = options.backups ? startNightlyBackups(context, options.backups) : () => undefined;

  return {
    invoke: dispatch,
    subscribe: (listener) => events.subscribe(listener),
    acceptMpesaCallback: (body, attemptReference) => payments.service.acceptMpesaCallback(body, attemptReference),
    paymentsIdle: () => payments.service.idle(),
    close() {
      stopBackups();
      void sync.stop();
      payments.service.close();
      staff.attended.dispose();
      db.close();
    },
    context,
  };
}
