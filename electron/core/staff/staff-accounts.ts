import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import type { OffThreadSync } from '../db/off-thread-sync';
import { KioskError } from '../errors';
import type { Outbox } from '../outbox';
import type { IdentifierHasher } from '../audit/identifier-hash';
import { centreBadgeHash } from '@shared/node/badge-hash';
import { hashPin } from '@shared/node/pin-hash';
import type { LocalSettings } from '../settings/local-settings';
import { isGuessablePin } from '@shared/staff/pin-policy';
import type { StaffRole } from '../staff-presence';

export interface StaffRow {
  id: string;
  name: string;
  role: StaffRole;
  pin_hash: string;
  badge_hash: string | null;
  failed_attempts: number;
  locked_until: string | null;
  active: number;
  from_hub: number;
}

/** Where a kiosk placed in a centre keeps that centre's badge key and id (see centre-staff.ts). */
export const CENTRE_BADGE_KEY = 'centre.badgeKey';
export const CENTRE_ID_KEY = 'centre.id';

/**
 * A PIN attempt as counted before its hash is compared: refused outright while a lock is in
 * force, or counted, with the lock already set when this attempt was the last one allowed.
 */
export type PinAttempt = { refusedUntil: Date } | { locksUntil: Date | undefined };

export interface NewStaff {
  staffId: string;
  name: string;
  role: StaffRole;
  pin: string;
  badgeCode?: string | undefined;
}

interface AccountsDeps {
  db: Db;
  offThreadSync: OffThreadSync;
  clock: Clock;
  audit: AuditLog;
  outbox: Outbox;
  hashIdentifier: IdentifierHasher;
  local: LocalSettings;
}

/** The staff table: creating accounts and the PIN-attempt bookkeeping behind lockout. */
export class StaffAccounts {
  private readonly byIdStmt;
  private readonly byBadgeStmt;
  private readonly insertStmt;
  private readonly attemptStmt;
  private readonly successStmt;
  private readonly supervisorsStmt;

  constructor(private readonly deps: AccountsDeps) {
    const { db } = deps;
    this.byIdStmt = db.prepare<[string], StaffRow>('SELECT * FROM staff WHERE id = ?');
    this.byBadgeStmt = db.prepare<[string], StaffRow>('SELECT * FROM staff WHERE badge_hash = ?');
    this.insertStmt = db.prepare(
      `INSERT INTO staff (id, name, role, pin_hash, badge_hash, created_at, created_by)
       VALUES (@id, @name, @role, @pinHash, @badgeHash, @createdAt, @createdBy)`,
    );
    this.attemptStmt = db.prepare<[number, string | null, string]>('UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE id = ?');
    this.successStmt = db.prepare('UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE id = ?');
    this.supervisorsStmt = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM staff WHERE role = 'supervisor' AND active = 1");
  }

  badgeHash(badgeCode: string): string {
    return this.deps.hashIdentifier('staff-badge', badgeCode);
  }

  /** A badge finds an account made here (the kiosk's own key) or one from the centre (the centre's key). */
  find(by: { staffId?: string | undefined; badgeCode?: string | undefined }): StaffRow | undefined {
    if (by.staffId !== undefined) return this.byIdStmt.get(by.staffId);
    if (by.badgeCode === undefined) return undefined;
    const centreKey = this.deps.local.getSecret(CENTRE_BADGE_KEY);
    return this.byBadgeStmt.get(this.badgeHash(by.badgeCode)) ?? (centreKey === undefined ? undefined : this.byBadgeStmt.get(centreBadgeHash(centreKey, by.badgeCode)));
  }

  /** A kiosk placed in a centre takes its staff from the hub alone. */
  isManagedByHub(): boolean {
    return this.deps.local.get(CENTRE_ID_KEY) !== undefined;
  }

  hasSupervisor(): boolean {
    return (this.supervisorsStmt.get()?.n ?? 0) > 0;
  }

  /** Adds an account; `createdBy` is the supervisor's id, or 'setup' for the first supervisor. */
  async create(staff: NewStaff, createdBy: string): Promise<void> {
    if (this.isManagedByHub()) throw new KioskError('staff.managedByHub');
    if (isGuessablePin(staff.pin)) throw new KioskError('staff.weakPin', { field: 'pin' });
    const badgeHash = staff.badgeCode === undefined ? null : this.badgeHash(staff.badgeCode);
    const pinHash = await hashPin(staff.pin);
    const { offThreadSync, clock, audit, outbox } = this.deps;
    offThreadSync.commit(() => {
      if (this.byIdStmt.get(staff.staffId) || (badgeHash && this.byBadgeStmt.get(badgeHash))) throw new KioskError('staff.exists');
      const createdAt = clock.now().toISOString();
      this.insertStmt.run({ id: staff.staffId, name: staff.name, role: staff.role, pinHash, badgeHash, createdAt, createdBy });
      audit.append({
        action: 'staff.add',
        outcome: 'ok',
        actor: createdBy === 'setup' ? 'system' : `staff:${createdBy}`,
        details: { staffId: staff.staffId, role: staff.role, badge: badgeHash !== null },
      });
      outbox.enqueue('staff.added', { staffId: staff.staffId, role: staff.role, createdAt, createdBy });
    });
  }

  /**
   * Counts a PIN attempt before its hash is compared, in one transaction (the caller's or its
   * own), so attempts that arrive together cannot all pass a check made before the slow hash:
   * the attempt that reaches the limit sets the lock there and then (the right PIN in it lifts
   * the lock again), and while a lock is in force nothing is compared at all. A lock that has
   * run out starts a new window.
   */
  reserveAttempt(staffId: string, maxFailed: number, lockoutMs: number): PinAttempt {
    return this.deps.db.transaction((): PinAttempt => {
      const row = this.byIdStmt.get(staffId);
      if (!row) throw new Error('reserving a PIN attempt for a missing account');
      const now = this.deps.clock.now().getTime();
      const lockedUntil = row.locked_until ? Date.parse(row.locked_until) : undefined;
      if (lockedUntil !== undefined && lockedUntil > now) return { refusedUntil: new Date(lockedUntil) };
      const attempts = (lockedUntil === undefined ? row.failed_attempts : 0) + 1;
      const locksUntil = attempts >= maxFailed ? new Date(now + lockoutMs) : undefined;
      this.attemptStmt.run(attempts, locksUntil?.toISOString() ?? null, staffId);
      return { locksUntil };
    })();
  }

  recordSuccess(staffId: string): void {
    this.successStmt.run(staffId);
  }
}
