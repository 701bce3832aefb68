import type { ConsoleActionRecord } from '@shared/console/console-api';
import type { ReportPayment } from '@shared/contract/reports';

/**
 * What the back office's console keeps and reads, beside the HubStore: admin accounts, their
 * sessions and sign-ins, and read-only views of the events the kiosks uploaded. Both stores
 * implement it; each method is one transaction.
 */

export interface ConsoleAdmin {
  name: string;
  passwordHash: string;
  failedSignIns: number;
  /** Until when sign-in is refused after too many failures; null when not locked. */
  lockedUntil: string | null;
}

export interface ConsoleSession {
  adminName: string;
  createdAt: string;
  lastSeenAt: string;
}

export type SignInOutcome = 'signed-in' | 'wrong-password' | 'unknown-admin' | 'locked' | 'signed-out';

export interface SignInRecord {
  adminName: string;
  outcome: SignInOutcome;
  at: string;
}

/**
 * Which events a view covers: a Kenyan day's instants and, when given, only these kiosks
 * (a centre's kiosks, once the hub knows centres: the caller resolves the centre to its kiosk ids).
 */
export interface EventScope {
  from: string;
  to: string;
  kioskIds: readonly string[] | null;
}

/** A payment of the day, as the kiosk's reports list it, with the kiosk that took it. */
export interface ConsolePayment extends Omit<ReportPayment, 'method'> {
  /** As the kiosk sent it: mpesa, card or cash. */
  method: string;
  kioskId: string;
  /** Where the next page starts: (createdAt, kioskId, seq) of the payment.paid event. */
  key: PaymentPageKey;
}

export interface PaymentPageKey {
  createdAt: string;
  kioskId: string;
  seq: number;
}

/** Money received (payments still paid, not refunded since), in groups: one row per method, service and UTC hour. */
export interface PaymentGroup {
  method: string;
  service: string;
  /** 0–23, the UTC hour; the console turns it into Kenya time. */
  utcHour: number;
  count: number;
  amount: number;
}

export interface ConsoleShift {
  kioskId: string;
  shiftId: string;
  staffId: string;
  closedAt: string;
  expected: number;
  counted: number | null;
  variance: number | null;
  status: string;
  signedOffBy: string | null;
}

export interface ConsoleOverride {
  kioskId: string;
  at: string;
  staffId: string;
  kind: string;
  reason: string;
  note: string | null;
  outcome: string;
}

export interface RecoveryCount {
  outcome: 'approved' | 'rejected';
  count: number;
}

/** An uploaded event worth an alert: refused by the hub, a callback the kiosk refused as forged, a shift closed short or over. */
export interface AlertEvent {
  kioskId: string;
  seq: number;
  type: string | null;
  receivedAt: string;
  createdAt: string | null;
  rejectedReason: string | null;
  payload: unknown;
}

export interface RejectedEvent {
  seq: number;
  id: string | null;
  type: string | null;
  receivedAt: string;
  reason: string;
}

/** A kiosk's replica: the history position it asked from last (what it has applied), and the hub's head then. */
export interface ReplicaPosition {
  kioskId: string;
  position: number;
  head: number;
  at: string;
}

export interface ConsoleStore {
  /** False when an admin of that name exists. */
  addAdmin(name: string, passwordHash: string, at: string): Promise<boolean>;
  findAdmin(name: string): Promise<ConsoleAdmin | undefined>;
  /** Counts a failed sign-in; from `lockAfter` failures on, sign-in is refused until `lockedUntil`. */
  recordFailedSignIn(name: string, lockAfter: number, lockedUntil: string): Promise<void>;
  /** Starts a session (a successful sign-in clears the failures). */
  openSession(tokenHash: string, adminName: string, at: string): Promise<void>;
  /** The session of a token hash, if any; the caller judges its age. */
  findSession(tokenHash: string): Promise<ConsoleSession | undefined>;
  touchSession(tokenHash: string, at: string): Promise<void>;
  closeSession(tokenHash: string): Promise<void>;
  /** Forgets sessions last seen before `idleBefore` or opened before `openedBefore`. */
  closeStaleSessions(idleBefore: string, openedBefore: string): Promise<void>;
  recordSignIn(record: SignInRecord): Promise<void>;
  listSignIns(limit: number): Promise<SignInRecord[]>;
  recordConsoleAction(record: ConsoleActionRecord): Promise<void>;
  /** The newest first; only those concerning `centreId` when given. */
  listConsoleActions(limit: number, centreId?: string): Promise<ConsoleActionRecord[]>;

  recordReplicaPosition(position: ReplicaPosition): Promise<void>;
  replicaPositions(): Promise<ReplicaPosition[]>;

  /** A kiosk's refused events, newest first. */
  rejectedEvents(kioskId: string, limit: number): Promise<RejectedEvent[]>;
  /** Refused events, callbacks refused as forged and shifts closed with a variance, received since `since`, newest first. */
  alertEvents(since: string, limit: number): Promise<AlertEvent[]>;

  /** The scope's paid payments in (createdAt, kioskId, seq) order, after `after`. */
  dayPayments(scope: EventScope, after: PaymentPageKey | null, limit: number): Promise<ConsolePayment[]>;
  dayPaymentGroups(scope: EventScope): Promise<PaymentGroup[]>;
  dayShifts(scope: EventScope, limit: number): Promise<ConsoleShift[]>;
  dayOverrides(scope: EventScope, limit: number): Promise<ConsoleOverride[]>;
  dayRecoveries(scope: EventScope): Promise<RecoveryCount[]>;
}
