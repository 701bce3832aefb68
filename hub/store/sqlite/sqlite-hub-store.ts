import { randomUUID } from 'node:crypto';
import type { Db } from '@shared/node/sqlite/open-sqlite';
import type { Heartbeat } from '@shared/sync/protocol';
import type { WireAuditHead } from '@shared/sync/protocol';
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
import { MpesaCallbackBox } from './mpesa-callback-box';
import { openHubDatabase } from './open-hub-database';
import { ReplicaHistory } from './replica-history';

/**
 * The hub's storage in one SQLite file. better-sqlite3 is synchronous, so every method is
 * one transaction on the one connection; the promises only match the interface.
 */
export class SqliteHubStore implements HubStore, ConsoleStore {
  readonly db: Db;
  private readonly kiosks: KioskRegistry;
  private readonly events: EventLedger;
  private readonly history: ReplicaHistory;
  private readonly callbacks: MpesaCallbackBox;
  private readonly auditHeads: AuditHeadLedger;
  private readonly centres: CentreRegistry;
  private readonly consoleAccounts: ConsoleAccounts;
  private readonly consoleActions: ConsoleActions;
  private readonly consoleViews: ConsoleViews;

  constructor(file: string) {
    this.db = openHubDatabase(file);
    this.kiosks = new KioskRegistry(this.db);
    this.events = new EventLedger(this.db);
    this.history = new ReplicaHistory(this.db, randomUUID);
    this.callbacks = new MpesaCallbackBox(this.db);
    this.auditHeads = new AuditHeadLedger(this.db);
    this.consoleActions = new ConsoleActions(this.db);
    this.centres = new CentreRegistry(this.db, this.consoleActions);
    this.consoleAccounts = new ConsoleAccounts(this.db);
    this.consoleViews = new ConsoleViews(this.db);
  }

  async addKiosk(kioskId: string, tokenHash: string, at: string, centreId: string | null = null): Promise<boolean> {
    return this.kiosks.add(kioskId, tokenHash, at, centreId);
  }

  async replaceKioskToken(kioskId: string, tokenHash: string): Promise<boolean> {
    return this.kiosks.replaceToken(kioskId, tokenHash);
  }

  async kioskForToken(tokenHash: string): Promise<string | undefined> {
    return this.kiosks.forToken(tokenHash);
  }

  async disableKiosk(kioskId: string, at: string): Promise<boolean> {
    return this.kiosks.disable(kioskId, at);
  }

  /** The audit head and the events in one transaction: one commit (one fsync) an upload. */
  async applyEvents(kioskId: string, events: JudgedEvent[], receivedAt: string, auditHead?: WireAuditHead): Promise<ApplyOutcome> {
    return this.db.transaction((): ApplyOutcome => {
      if (auditHead) {
        const kept = this.auditHeads.record(kioskId, auditHead, receivedAt);
        if (kept.kind === 'conflict') return { kind: 'audit-head-conflict', latest: kept.latest };
      }
      return this.events.apply(kioskId, events, receivedAt);
    })();
  }

  async listEvents(kioskId: string, afterSeq: number, limit: number): Promise<StoredEvent[]> {
    return this.events.list(kioskId, afterSeq, limit);
  }

  async readChanges(afterPosition: number, limit: number): Promise<ChangeSlice> {
    return this.history.read(afterPosition, limit);
  }

  async writeReplica(edits: ReplicaEdit[]): Promise<void> {
    this.history.write(edits);
  }

  async resetHistory(epoch: string): Promise<void> {
    this.history.reset(epoch);
  }

  async importReplica(sourceFile: string): Promise<SeedSummary> {
    return this.history.importReplica(sourceFile);
  }

  async recordHeartbeat(kioskId: string, heartbeat: Heartbeat, receivedAt: string): Promise<void> {
    this.kiosks.recordHeartbeat(kioskId, heartbeat, receivedAt);
  }

  async listAuditHeads(kioskId: string, afterRowId: number, limit: number): Promise<KeptAuditHead[]> {
    return this.auditHeads.list(kioskId, afterRowId, limit);
  }

  async keepMpesaCallback(callback: NewMpesaCallback): Promise<boolean> {
    return this.callbacks.keep(callback);
  }

  async findMpesaCallbacks(kioskId: string, asked: MpesaCallbackQuestion): Promise<KeptMpesaCallback[]> {
    return this.callbacks.find(kioskId, asked);
  }

  async unclaimedMpesaPayments(receivedBefore: string): Promise<UnclaimedMpesaPayment[]> {
    return this.callbacks.unclaimed(receivedBefore);
  }

  async listKiosks(): Promise<KioskSummary[]> {
    return this.kiosks.list();
  }

  async addCentre(centre: Centre, record?: ConsoleActionRecord): Promise<boolean> {
    return this.centres.addCentre(centre, record);
  }

  async listCentres(): Promise<Centre[]> {
    return this.centres.listCentres();
  }

  async setKioskCentre(kioskId: string, centreId: string, record?: ConsoleActionRecord): Promise<'moved' | 'no-kiosk' | 'no-centre'> {
    return this.centres.setKioskCentre(kioskId, centreId, record);
  }

  async kioskCentre(kioskId: string): Promise<Centre | null> {
    return this.centres.kioskCentre(kioskId);
  }

  async addStaff(staff: NewCentreStaff, at: string, record?: ConsoleActionRecord): Promise<AddStaffOutcome> {
    return this.centres.addStaff(staff, at, record);
  }

  async changeStaff(staffId: string, change: StaffChange, at: string, record?: ConsoleActionRecord): Promise<boolean> {
    return this.centres.changeStaff(staffId, change, at, record);
  }

  async findStaff(staffId: string): Promise<CentreStaff | undefined> {
    return this.centres.findStaff(staffId);
  }

  async listStaff(centreId: string): Promise<CentreStaff[]> {
    return this.centres.listStaff(centreId);
  }

  async staffSignInEvents(centreId: string, since: string): Promise<StaffSignInEvent[]> {
    return this.centres.staffSignInEvents(centreId, since);
  }

  async setCentreSettings(centreId: string, settings: StoredCentreSettings): Promise<boolean> {
    return this.centres.setSettings(centreId, settings);
  }

  async centreSettings(centreId: string): Promise<StoredCentreSettings | undefined> {
    return this.centres.settings(centreId);
  }

  // The console's accounts and views (console-store.ts).

  async addAdmin(name: string, passwordHash: string, at: string): Promise<boolean> {
    return this.consoleAccounts.add(name, passwordHash, at);
  }

  async findAdmin(name: string): Promise<ConsoleAdmin | undefined> {
    return this.consoleAccounts.find(name);
  }

  async recordFailedSignIn(name: string, lockAfter: number, lockedUntil: string): Promise<void> {
    this.consoleAccounts.fail(name, lockAfter, lockedUntil);
  }

  async openSession(tokenHash: string, adminName: string, at: string): Promise<void> {
    this.consoleAccounts.openSession(tokenHash, adminName, at);
  }

  async findSession(tokenHash: string): Promise<ConsoleSession | undefined> {
    return this.consoleAccounts.session(tokenHash);
  }

  async touchSession(tokenHash: string, at: string): Promise<void> {
    this.consoleAccounts.touch(tokenHash, at);
  }

  async closeSession(tokenHash: string): Promise<void> {
    this.consoleAccounts.close(tokenHash);
  }

  async closeStaleSessions(idleBefore: string, openedBefore: string): Promise<void> {
    this.consoleAccounts.closeStale(idleBefore, openedBefore);
  }

  async recordSignIn(record: SignInRecord): Promise<void> {
    this.consoleAccounts.recordSignIn(record);
  }

  async listSignIns(limit: number): Promise<SignInRecord[]> {
    return this.consoleAccounts.signIns(limit);
  }

  async recordConsoleAction(record: ConsoleActionRecord): Promise<void> {
    this.consoleActions.record(record);
  }

  async listConsoleActions(limit: number, centreId?: string): Promise<ConsoleActionRecord[]> {
    return this.consoleActions.list(limit, centreId);
  }

  async recordReplicaPosition(position: ReplicaPosition): Promise<void> {
    this.consoleViews.recordPosition(position);
  }

  async replicaPositions(): Promise<ReplicaPosition[]> {
    return this.consoleViews.positions();
  }

  async rejectedEvents(kioskId: string, limit: number): Promise<RejectedEvent[]> {
    return this.consoleViews.rejected(kioskId, limit);
  }

  async alertEvents(since: string, limit: number): Promise<AlertEvent[]> {
    return this.consoleViews.alerts(since, limit);
  }

  async dayPayments(scope: EventScope, after: PaymentPageKey | null, limit: number): Promise<ConsolePayment[]> {
    return this.consoleViews.payments(scope, after, limit);
  }

  async dayPaymentGroups(scope: EventScope): Promise<PaymentGroup[]> {
    return this.consoleViews.paymentGroups(scope);
  }

  async dayShifts(scope: EventScope, limit: number): Promise<ConsoleShift[]> {
    return this.consoleViews.shifts(scope, limit);
  }

  async dayOverrides(scope: EventScope, limit: number): Promise<ConsoleOverride[]> {
    return this.consoleViews.overrides(scope, limit);
  }

  async dayRecoveries(scope: EventScope): Promise<RecoveryCount[]> {
    return this.consoleViews.recoveries(scope);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
