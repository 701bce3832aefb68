import type { ConsoleActionRecord } from '@shared/console/console-api';
import type { Cell, Heartbeat, TableChanges, UploadedEvent, WireAuditHead } from '@shared/sync/protocol';
import type { CentreSettings } from '@shared/sync/centre-settings';
import type { ReplicaTableName } from '@shared/sync/replica-tables';

/** An uploaded event after the hub judged it: stored as accepted, or as rejected with why. */
export type JudgedEvent =
  | { seq: number; verdict: 'accepted'; event: UploadedEvent }
  | { seq: number; verdict: 'rejected'; id: string | null; type: string | null; reason: string };

export type ApplyOutcome =
  | { kind: 'applied'; appliedThrough: number; rejected: Array<{ seq: number; reason: string }> }
  | { kind: 'conflict'; error: 'gap' | 'history-mismatch'; appliedThrough: number }
  /** The upload's audit head is behind the kept one, or another hash at its row: nothing was stored. */
  | { kind: 'audit-head-conflict'; latest: WireAuditHead };

export interface StoredEvent {
  seq: number;
  id: string | null;
  type: string | null;
  payload: unknown;
  createdAt: string | null;
  receivedAt: string;
  rejectedReason: string | null;
}

/** Changes after a history position, read in one snapshot with the history they belong to. */
export interface ChangeSlice {
  epoch: string;
  /** The newest position in the history: a cursor beyond it comes from another history. */
  head: number;
  /** Where this slice ends; the next read starts after it. */
  through: number;
  changes: TableChanges[];
  hasMore: boolean;
  /** Rows in the history up to `head`: every row a load from nothing receives. */
  totalRows: number;
}

/** A back-office edit of the replica: rows by column name, deletions by key. */
export interface ReplicaEdit {
  table: ReplicaTableName;
  upserts?: Array<Record<string, Cell>>;
  deletes?: Array<string | number>;
}

export interface KioskSummary {
  id: string;
  createdAt: string;
  /** The centre the kiosk stands in; null until the back office places it. */
  centreId: string | null;
  appliedThrough: number;
  rejectedCount: number;
  heartbeat: (Heartbeat & { receivedAt: string }) | null;
}

/** A kiosk's audit head as the hub keeps it. */
export interface KeptAuditHead extends WireAuditHead {
  receivedAt: string;
}

/** `conflict`: the hub holds a head at a later row, or another hash at this row (`latest`). */
export type AuditHeadOutcome = { kind: 'kept' } | { kind: 'conflict'; latest: WireAuditHead };

/** A Daraja STK callback as posted, with what the hub reads from it to reconcile. */
export interface NewMpesaCallback {
  checkoutRequestId: string;
  /** The attempt reference the callback's address carried (the kiosk's tag), if any. */
  attemptReference: string | null;
  body: unknown;
  resultCode: number;
  receiptNumber: string | null;
  amount: number | null;
  receivedAt: string;
}

export interface MpesaCallbackQuestion {
  checkoutRequestIds: readonly string[];
  attemptReferences: readonly string[];
}

export interface KeptMpesaCallback {
  attemptReference: string | null;
  body: unknown;
}

/** A successful M-Pesa payment no kiosk's uploaded payment claims: money to match or refund. */
export interface UnclaimedMpesaPayment {
  receiptNumber: string;
  amount: number | null;
  checkoutRequestId: string;
  attemptReference: string | null;
  /** The kiosk that asked for this push, if any did. */
  kioskId: string | null;
  receivedAt: string;
}

/** A service centre: its kiosks share its staff and count wrong PINs together. */
export interface Centre {
  id: string;
  name: string;
  /** Keys the centre's badge hashes (shared/node/badge-hash.ts); goes only to the centre's kiosks. */
  badgeKey: string;
  createdAt: string;
}

export type CentreStaffRole = 'clerk' | 'supervisor';

/** A member of a centre's staff as the hub keeps them: the PIN only as the kiosk's scrypt hash. */
export interface CentreStaff {
  staffId: string;
  centreId: string;
  name: string;
  role: CentreStaffRole;
  pinHash: string;
  badgeHash: string | null;
  disabledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type NewCentreStaff = Pick<CentreStaff, 'staffId' | 'centreId' | 'name' | 'role' | 'pinHash' | 'badgeHash'>;

/** `exists`: the staff number is taken (in any centre); `badge-taken`: another account has this badge. */
export type AddStaffOutcome = 'added' | 'exists' | 'no-centre' | 'badge-taken';

/** What may change of an account; each change stamps `updatedAt`. */
export type StaffChange = { disabled: boolean } | { role: CentreStaffRole } | { pinHash: string };

/** A sign-in outcome a kiosk of the centre uploaded (see STAFF_SIGN_IN_EVENTS), in the order received. */
export interface StaffSignInEvent {
  staffId: string;
  failed: boolean;
  receivedAt: string;
}

/** A centre's settings document (checked against the allow-list before it is stored), with who set it and when. */
export interface StoredCentreSettings {
  document: CentreSettings;
  updatedBy: string;
  updatedAt: string;
}

export interface SeedSummary {
  rows: number;
  ms: number;
}

/**
 * Everything the hub keeps, behind one interface so another database (PostgreSQL) can
 * replace SQLite. Each method is one transaction. History positions must grow in commit
 * order, so a reader never sees position n+1 before n commits. A change to centres, kiosks'
 * centres or staff may carry the console's record of it (`record`): written in the change's
 * own transaction and only when the change is made, so neither is kept without the other.
 */
export interface HubStore {
  /** False when a kiosk of that id already exists. `centreId` must name a centre (null: none yet). */
  addKiosk(kioskId: string, tokenHash: string, at: string, centreId?: string | null): Promise<boolean>;
  /** False when there is no such kiosk. */
  replaceKioskToken(kioskId: string, tokenHash: string): Promise<boolean>;
  /** The kiosk a token belongs to, unless that kiosk is disabled. */
  kioskForToken(tokenHash: string): Promise<string | undefined>;
  /** False when there is no such kiosk. Its token stops working at once. */
  disableKiosk(kioskId: string, at: string): Promise<boolean>;

  /**
   * Stores an upload in one transaction: its audit head first, kept unless the kiosk already sent
   * one at a later row or another hash at this row (then nothing is stored), then its events in
   * order, skipping what is already there, refusing a gap, all or nothing.
   */
  applyEvents(kioskId: string, events: JudgedEvent[], receivedAt: string, auditHead?: WireAuditHead): Promise<ApplyOutcome>;
  listEvents(kioskId: string, afterSeq: number, limit: number): Promise<StoredEvent[]>;

  readChanges(afterPosition: number, limit: number): Promise<ChangeSlice>;
  writeReplica(edits: ReplicaEdit[]): Promise<void>;
  /** Forgets deletions and starts a new epoch: every kiosk must refetch. */
  resetHistory(epoch: string): Promise<void>;
  /** Fills an empty replica from a SQLite file of replica tables (a back-office export, or demo data). */
  importReplica(sourceFile: string): Promise<SeedSummary>;

  recordHeartbeat(kioskId: string, heartbeat: Heartbeat, receivedAt: string): Promise<void>;

  /** The kiosk's heads after a row number, oldest first. */
  listAuditHeads(kioskId: string, afterRowId: number, limit: number): Promise<KeptAuditHead[]>;

  /** Keeps a Daraja STK callback; false when that very body was already kept for its push. */
  keepMpesaCallback(callback: NewMpesaCallback): Promise<boolean>;
  /**
   * Every callback kept for these pushes and attempts that belong to this kiosk. A push or
   * attempt nobody asked for yet becomes this kiosk's; one owned by another kiosk answers nothing.
   */
  findMpesaCallbacks(kioskId: string, asked: MpesaCallbackQuestion): Promise<KeptMpesaCallback[]>;
  /** Successful callbacks received before `receivedBefore` whose receipt no uploaded payment claims. */
  unclaimedMpesaPayments(receivedBefore: string): Promise<UnclaimedMpesaPayment[]>;
  listKiosks(): Promise<KioskSummary[]>;

  /** False when a centre of that id already exists. */
  addCentre(centre: Centre, record?: ConsoleActionRecord): Promise<boolean>;
  listCentres(): Promise<Centre[]>;
  /** Moves a kiosk into a centre; it receives that centre's staff from its next sync. */
  setKioskCentre(kioskId: string, centreId: string, record?: ConsoleActionRecord): Promise<'moved' | 'no-kiosk' | 'no-centre'>;
  /** The kiosk's centre, or null when the hub has not placed it in one (or knows no such kiosk). */
  kioskCentre(kioskId: string): Promise<Centre | null>;

  addStaff(staff: NewCentreStaff, at: string, record?: ConsoleActionRecord): Promise<AddStaffOutcome>;
  /** False when there is no such staff number. */
  changeStaff(staffId: string, change: StaffChange, at: string, record?: ConsoleActionRecord): Promise<boolean>;
  findStaff(staffId: string): Promise<CentreStaff | undefined>;
  /** The centre's staff, disabled ones too (a kiosk must learn of the disabling), by staff number. */
  listStaff(centreId: string): Promise<CentreStaff[]>;
  /** Sign-in outcomes uploaded by the centre's kiosks, received at or after `since`, oldest first. */
  staffSignInEvents(centreId: string, since: string): Promise<StaffSignInEvent[]>;

  /** Replaces the centre's settings document whole; false when there is no such centre. */
  setCentreSettings(centreId: string, settings: StoredCentreSettings): Promise<boolean>;
  /** The centre's settings document, or undefined when none was ever set. */
  centreSettings(centreId: string): Promise<StoredCentreSettings | undefined>;

  close(): Promise<void>;
}
