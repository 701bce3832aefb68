import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Heartbeat, WireAuditHead } from '@shared/sync/protocol';
import type {
  AddStaffOutcome,
  ApplyOutcome,
  Centre,
  CentreStaff,
  ChangeSlice,
  HubStore,
  JudgedEvent,
  KeptAuditHead,
  KeptMpesaCallback,
  KioskSummary,
  MpesaCallbackQuestion,
  NewCentreStaff,
  NewMpesaCallback,
  ReplicaEdit,
  SeedSummary,
  StaffChange,
  StaffSignInEvent,
  StoredCentreSettings,
  StoredEvent,
  UnclaimedMpesaPayment,
} from '../hub-store';
import type { ConsoleActionRecord } from '@shared/console/console-api';
import type { AlertEvent, ConsoleAdmin, ConsoleOverride, ConsolePayment, ConsoleSession, ConsoleShift, ConsoleStore, EventScope, PaymentGroup, PaymentPageKey, RecoveryCount, RejectedEvent, ReplicaPosition, SignInRecord } from '../console-store';
import { AuditHeadLedger } from './audit-head-ledger';
import { CentreRegistry } from './centre-registry';
import { ConsoleAccounts } from './console-accounts';
import { ConsoleActions } from './console-actions';
import { ConsoleViews } from './console-views';
import { EventLedger } from './event-ledger';
import { KioskRegistry } from './kiosk-registry';
import { migratePostgres } from './migrate-postgres';
import { postgresMigrations } from './migrations';
import { MpesaCallbackBox } from './mpesa-callback-box';
import { connectPool } from './postgres-connection';
import { readReplicaCatalog, type CatalogTable } from './replica-catalog';
import { EPOCH_KEY, ReplicaHistory } from './replica-history';
import { importReplica } from './replica-import';

/**
 * The hub's storage in a PostgreSQL database, for a back office that runs more than one
 * hub process or wants its data in a server. Every method is one transaction on a pooled
 * connection (single statements are their own); see ReplicaHistory for how history
 * positions stay in commit order.
 */
export class PostgresHubStore implements HubStore, ConsoleStore {
  private readonly kiosks: KioskRegistry;
  private readonly events: EventLedger;
  private readonly history: ReplicaHistory;
  private readonly callbacks: MpesaCallbackBox;
  private readonly auditHeads: AuditHeadLedger;
  private readonly centres: CentreRegistry;
  private readonly consoleAccounts: ConsoleAccounts;
  private readonly consoleActions: ConsoleActions;
  private readonly consoleViews: ConsoleViews;

  private constructor(
    readonly pool: pg.Pool,
    private readonly catalog: Map<string, CatalogTable>,
  ) {
    this.kiosks = new KioskRegistry(pool);
    this.events = new EventLedger(pool);
    this.history = new ReplicaHistory(pool, catalog);
    this.callbacks = new MpesaCallbackBox(pool);
    this.auditHeads = new AuditHeadLedger(pool);
    this.consoleActions = new ConsoleActions(pool);
    this.centres = new CentreRegistry(pool, this.consoleActions);
    this.consoleAccounts = new ConsoleAccounts(pool);
    this.consoleViews = new ConsoleViews(pool);
  }

  /** Connects, brings the schema up to date and gives a new database its first history epoch. */
  static async open(url: string): Promise<PostgresHubStore> {
    const pool = await connectPool(url);
    try {
      await migratePostgres(pool, postgresMigrations);
      await pool.query('INSERT INTO hub_meta (key, value) VALUES ($1, $2) ON CONFLICT DO NOTHING', [EPOCH_KEY, randomUUID()]);
      return new PostgresHubStore(pool, await readReplicaCatalog(pool));
    } catch (error) {
      await pool.end();
      throw error;
    }
  }

  addKiosk(kioskId: string, tokenHash: string, at: string, centreId: string | null = null): Promise<boolean> {
    return this.kiosks.add(kioskId, tokenHash, at, centreId);
  }

  replaceKioskToken(kioskId: string, tokenHash: string): Promise<boolean> {
    return this.kiosks.replaceToken(kioskId, tokenHash);
  }

  kioskForToken(tokenHash: string): Promise<string | undefined> {
    return this.kiosks.forToken(tokenHash);
  }

  disableKiosk(kioskId: string, at: string): Promise<boolean> {
    return this.kiosks.disable(kioskId, at);
  }

  /** The audit head and the events in one transaction: one commit (one WAL flush) an upload. */
  applyEvents(kioskId: string, events: JudgedEvent[], receivedAt: string, auditHead?: WireAuditHead): Promise<ApplyOutcome> {
    return this.events.apply(kioskId, events, receivedAt, auditHead);
  }

  listEvents(kioskId: string, afterSeq: number, limit: number): Promise<StoredEvent[]> {
    return this.events.list(kioskId, afterSeq, limit);
  }

  readChanges(afterPosition: number, limit: number): Promise<ChangeSlice> {
    return this.history.read(afterPosition, limit);
  }

  writeReplica(edits: ReplicaEdit[]): Promise<void> {
    return this.history.write(edits);
  }

  resetHistory(epoch: string): Promise<void> {
    return this.history.reset(epoch);
  }

  importReplica(sourceFile: string): Promise<SeedSummary> {
    return importReplica(this.pool, this.catalog, sourceFile);
  }

  recordHeartbeat(kioskId: string, heartbeat: Heartbeat, receivedAt: string): Promise<void> {
    return this.kiosks.recordHeartbeat(kioskId, heartbeat, receivedAt);
  }

  listAuditHeads(kioskId: string, afterRowId: number, limit: number): Promise<KeptAuditHead[]> {
    return this.auditHeads.list(kioskId, afterRowId, limit);
  }

  keepMpesaCallback(callback: NewMpesaCallback): Promise<boolean> {
    return this.callbacks.keep(callback);
  }

  findMpesaCallbacks(kioskId: string, asked: MpesaCallbackQuestion): Promise<KeptMpesaCallback[]> {
    return this.callbacks.find(kioskId, asked);
  }

  unclaimedMpesaPayments(receivedBefore: string): Promise<UnclaimedMpesaPayment[]> {
    return this.callbacks.unclaimed(receivedBefore);
  }

  listKiosks(): Promise<KioskSummary[]> {
    return this.kiosks.list();
  }

  addCentre(centre: Centre, record?: ConsoleActionRecord): Promise<boolean> {
    return this.centres.addCentre(centre, record);
  }

  listCentres(): Promise<Centre[]> {
    return this.centres.listCentres();
  }

  setKioskCentre(kioskId: string, centreId: string, record?: ConsoleActionRecord): Promise<'moved' | 'no-kiosk' | 'no-centre'> {
    return this.centres.setKioskCentre(kioskId, centreId, record);
  }

  kioskCentre(kioskId: string): Promise<Centre | null> {
    return this.centres.kioskCentre(kioskId);
  }

  addStaff(staff: NewCentreStaff, at: string, record?: ConsoleActionRecord): Promise<AddStaffOutcome> {
    return this.centres.addStaff(staff, at, record);
  }

  changeStaff(staffId: string, change: StaffChange, at: string, record?: ConsoleActionRecord): Promise<boolean> {
    return this.centres.changeStaff(staffId, change, at, record);
  }

  findStaff(staffId: string): Promise<CentreStaff | undefined> {
    return this.centres.findStaff(staffId);
  }

  listStaff(centreId: string): Promise<CentreStaff[]> {
    return this.centres.listStaff(centreId);
  }

  staffSignInEvents(centreId: string, since: string): Promise<StaffSignInEvent[]> {
    return this.centres.staffSignInEvents(centreId, since);
  }

  setCentreSettings(centreId: string, settings: StoredCentreSettings): Promise<boolean> {
    return this.centres.setSettings(centreId, settings);
  }

  centreSettings(centreId: string): Promise<StoredCentreSettings | undefined> {
    return this.centres.settings(centreId);
  }

  // The console's accounts and views (console-store.ts).

  addAdmin(name: string, passwordHash: string, at: string): Promise<boolean> {
    return this.consoleAccounts.add(name, passwordHash, at);
  }

  findAdmin(name: string): Promise<ConsoleAdmin | undefined> {
    return this.consoleAccounts.find(name);
  }

  recordFailedSignIn(name: string, lockAfter: number, lockedUntil: string): Promise<void> {
    return this.consoleAccounts.fail(name, lockAfter, lockedUntil);
  }

  openSession(tokenHash: string, adminName: string, at: string): Promise<void> {
    return this.consoleAccounts.openSession(tokenHash, adminName, at);
  }

  findSession(tokenHash: string): Promise<ConsoleSession | undefined> {
    return this.consoleAccounts.session(tokenHash);
  }

  touchSession(tokenHash: string, at: string): Promise<void> {
    return this.consoleAccounts.touch(tokenHash, at);
  }

  closeSession(tokenHash: string): Promise<void> {
    return this.consoleAccounts.close(tokenHash);
  }

  closeStaleSessions(idleBefore: string, openedBefore: string): Promise<void> {
    return this.consoleAccounts.closeStale(idleBefore, openedBefore);
  }

  recordSignIn(record: SignInRecord): Promise<void> {
    return this.consoleAccounts.recordSignIn(record);
  }

  listSignIns(limit: number): Promise<SignInRecord[]> {
    return this.consoleAccounts.signIns(limit);
  }

  recordConsoleAction(record: ConsoleActionRecord): Promise<void> {
    return this.consoleActions.record(record);
  }

  listConsoleActions(limit: number, centreId?: string): Promise<ConsoleActionRecord[]> {
    return this.consoleActions.list(limit, centreId);
  }

  recordReplicaPosition(position: ReplicaPosition): Promise<void> {
    return this.consoleViews.recordPosition(position);
  }

  replicaPositions(): Promise<ReplicaPosition[]> {
    return this.consoleViews.positions();
  }

  rejectedEvents(kioskId: string, limit: number): Promise<RejectedEvent[]> {
    return this.consoleViews.rejected(kioskId, limit);
  }

  alertEvents(since: string, limit: number): Promise<AlertEvent[]> {
    return this.consoleViews.alerts(since, limit);
  }

  dayPayments(scope: EventScope, after: PaymentPageKey | null, limit: number): Promise<ConsolePayment[]> {
    return this.consoleViews.payments(scope, after, limit);
  }

  dayPaymentGroups(scope: EventScope): Promise<PaymentGroup[]> {
    return this.consoleViews.paymentGroups(scope);
  }

  dayShifts(scope: EventScope, limit: number): Promise<ConsoleShift[]> {
    return this.consoleViews.shifts(scope, limit);
  }

  dayOverrides(scope: EventScope, limit: number): Promise<ConsoleOverride[]> {
    return this.consoleViews.overrides(scope, limit);
  }

  dayRecoveries(scope: EventScope): Promise<RecoveryCount[]> {
    return this.consoleViews.recoveries(scope);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
