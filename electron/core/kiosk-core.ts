import { randomBytes, randomUUID } from 'node:crypto';
import type { EventName, EventPayload } from '@shared/contract';
import type { Result } from '@shared/result';
import type { CentreState } from '@shared/sync/centre-state';
import { AuditLog } from './audit/audit-log';
import { startNightlyBackups, type BackupPlan } from './backup/nightly-backups';
import { systemClock, type Clock } from './clock';
import type { CoreContext } from './context';
import { openDatabase } from './db/open';
import { OffThreadSync } from './db/off-thread-sync';
import { startWalCheckpointer } from './db/wal-checkpointer';
import { createDispatcher } from './dispatch';
import { CoreEvents } from './events';
import type { Handlers } from './handlers';
import { silentLogger, type Logger } from '@shared/node/logging/logger';
import { createLookup } from './lookup/lookup-feature';
import { Outbox } from './outbox';
import { createOverrides } from './overrides/overrides-feature';
import type { PaymentAdapterOptions } from './payments/payment-adapters';
import type { CallbackDisposition } from './payments/payment-service';
import { createPayments } from './payments/payments-feature';
import { identifierHasher } from './audit/identifier-hash';
import { createRecovery } from './recovery/recovery-feature';
import type { DatabaseKey } from './secrets/database-key';
import { HubSettings } from './settings/hub-settings';
import { parseKioskSettings, type KioskMode } from './settings/kiosk-settings';
import { LOCAL_SECRETS_PURPOSE, LocalSettings } from './settings/local-settings';
import { SecretSeal } from './secrets/secret-seal';
import { createSmsGateway } from './sms/create-sms-gateway';
import type { ShellControl } from './shutdown/shell-control';
import { createShutdown } from './shutdown/shutdown-feature';
import { createStaffDesk } from './staff-desk';
import { createEmailGateway } from './email/create-email-gateway';
import { createSync } from './sync/sync-feature';
import { createVisits } from './visits/visits-feature';
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
  /**
   * Production: the key that encrypts the database, its replica and backups. A demo database
   * has none. Kept on the connection, never in the context: nothing that logs the context can log it.
   */
  databaseKey?: DatabaseKey;
  /** Nightly online backups of the database, when the shell gives them a folder. */
  backups?: BackupPlan;
}

export interface KioskCore {
  /** Every call from either shell comes through here. */
  invoke(name: unknown, payload: unknown): Promise<Result<unknown>>;
  subscribe(listener: <E extends EventName>(name: E, payload: EventPayload<E>) => void): () => void;
  /** Stops the core's work and its threads; resolves once every thread has exited and the database is closed. */
  close(): Promise<void>;
  readonly context: CoreContext;
  /** A Daraja STK callback forwarded by the back office, with the attempt reference its address named: settles its payment (once) when Daraja agrees. */
  acceptMpesaCallback(body: unknown, attemptReference?: string): Promise<CallbackDisposition>;
  /** Resolves when no payment is being polled or charged in the background. */
  paymentsIdle(): Promise<void>;
  /** For the shell that serves the core: a supervisor's shutdown, a lost screen, quiet moments. */
  readonly shell: ShellControl;
}

/** Grace after the idle warning before the core itself ends a silent visit. */
const VISIT_GRACE_MS = 30_000;

/** A database records the mode that made it, and never runs in the other: demo people never reach a real counter. */
function refuseOtherMode(local: LocalSettings, mode: KioskMode): void {
  const made = local.getOrCreate('kiosk.mode', () => mode);
  if (made !== mode) throw new Error(`this database was made by a ${made} kiosk and does not run in ${mode} mode`);
}

export function createKioskCore(options: KioskCoreOptions): KioskCore {
  const settings = parseKioskSettings(options.settings);
  const clock = options.clock ?? systemClock;
  const log = options.log ?? silentLogger;
  const db = openDatabase(options.databaseFile, options.databaseKey);
  const checkpointer = startWalCheckpointer(db, log);
  const local = new LocalSettings(db, options.databaseKey && new SecretSeal(options.databaseKey, LOCAL_SECRETS_PURPOSE));
  try {
    refuseOtherMode(local, settings.mode);
  } catch (error) {
    void checkpointer.stop();
    db.close();
    throw error;
  }
  const audit = new AuditLog(db, clock);
  // The centre's settings from the hub, as last received, over the deployment's own: before any service reads them.
  const centreSettings = new HubSettings({ settings, own: options.settings, local, audit, log });
  centreSettings.restore();
  const events = new CoreEvents();
  const offThreadSync = new OffThreadSync(db, log);
  const sms = createSmsGateway(settings.sms, clock);
  const email = createEmailGateway(settings.email, clock);
  const context: CoreContext = {
    version: options.version ?? '0.0.0',
    kioskId: local.getOrCreate('kiosk.id', () => `kiosk-${randomUUID().slice(0, 8)}`),
    db,
    offThreadSync,
    clock,
    settings,
    local,
    log,
    audit,
    outbox: new Outbox(db, clock),
    events,
    // While staff are signed in, their screens' longer idle time holds the visit open too.
    visits: new Visits(offThreadSync, db, clock, audit, events, () => {
      const idleSeconds = staff.service.attended.isSignedIn() ? Math.max(settings.idle.timeoutSeconds, settings.staff.idleTimeoutSeconds) : settings.idle.timeoutSeconds;
      return (idleSeconds + settings.idle.warningSeconds) * 1000 + VISIT_GRACE_MS;
    }),
    hashIdentifier: identifierHasher(local.getOrCreateSecret('identifier.hash.key', () => randomBytes(32).toString('base64'))),
    staff: { current: () => staff.service.attended.current() },
    sms,
    email,
    codes: new OneTimeCodes({ db, offThreadSync, clock, audit, log, sms, email, settings: settings.verification, hashIdentifier: (kind, value) => context.hashIdentifier(kind, value) }),
  };
  // Built without side effects, each from the services it needs; started once all exist.
  const staff = createStaffDesk(context, () => sync.service.status());
  const visits = createVisits(context);
  const lookup = createLookup(context);
  const payments = createPayments(context, options.databaseFile, options.payments);
  const centre = {
    apply(state: CentreState) {
      staff.service.centre.apply(state);
      centreSettings.apply(state);
    },
  };
  const sync = createSync(context, { payments: payments.service.payments, printer: payments.service.printerMonitor, centre });
  const recovery = createRecovery(context, { lookup: lookup.service });
  const overrides = createOverrides(context, { lookup: lookup.service, payments: payments.service.payments });
  const shutdown = createShutdown(context);
  // Sync starts last: payments left unsettled by a stop are resumed before callbacks are fetched for them.
  const features = [visits, lookup, payments, staff, recovery, overrides, shutdown, sync];

  // Attended mode belongs to the visit in which staff proved who they are: it ends with it.
  events.subscribe((name) => {
    if (name === 'visit.ended') staff.service.attended.endWithVisit();
  });
  const handlers: Handlers = {
    ...visits.handlers,
    ...lookup.handlers,
    ...payments.handlers,
    ...staff.handlers,
    ...recovery.handlers,
    ...overrides.handlers,
    ...shutdown.handlers,
    ...sync.handlers,
  };
  const dispatch = createDispatcher({ handlers, log, staffRole: () => context.staff.current()?.role, synced: () => offThreadSync.synced() });
  for (const feature of features) feature.start();
  const stopBackups = options.backups ? startNightlyBackups(context, options.backups) : () => undefined;
  let closing: Promise<void> | undefined;

  return {
    invoke: dispatch,
    subscribe: (listener) => events.subscribe(listener),
    acceptMpesaCallback: (body, attemptReference) => payments.service.payments.acceptMpesaCallback(body, attemptReference),
    paymentsIdle: () => payments.service.payments.idle(),
    shell: shutdown.service,
    close() {
      closing ??= (async () => {
        stopBackups();
        payments.service.payments.close();
        payments.service.printerMonitor.stop();
        staff.service.attended.dispose();
        // The replica loader's and the checkpointer's threads hold connections of their own:
        // the core is closed when they have let go, so its files can be moved or removed.
        await Promise.all([sync.service.stop(), checkpointer.stop()]);
        await offThreadSync.close();
        db.close();
      })();
      return closing;
    },
    context,
  };
}
