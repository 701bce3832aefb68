import type { SignedInStaffView } from '@shared/contract/staff';
import { STAFF_SIGN_IN_EVENTS } from '@shared/sync/centre-state';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import type { OffThreadSync } from '../db/off-thread-sync';
import { KioskError } from '../errors';
import type { CoreEvents } from '../events';
import type { IdentifierHasher } from '../audit/identifier-hash';
import type { Outbox } from '../outbox';
import { hashPin, verifyPin } from '@shared/node/pin-hash';
import type { StaffAccounts } from './staff-accounts';
import type { SignedInStaff, StaffPresence, StaffRole } from '../staff-presence';
import type { StaffSettings } from '../settings/staff-settings';
import type { Visits } from '../visits/visits';

export interface SignInRequest {
  pin: string;
  staffId?: string | undefined;
  badgeCode?: string | undefined;
}

type EndReason = 'sign-out' | 'idle' | 'replaced' | 'visit-ended' | 'disabled';

interface AttendedDeps {
  db: Db;
  /** Sign-ins and sign-outs commit here: the answer waits for their sync, the screen's thread does not. */
  offThreadSync: OffThreadSync;
  clock: Clock;
  audit: AuditLog;
  outbox: Outbox;
  events: CoreEvents;
  hashIdentifier: IdentifierHasher;
  settings: StaffSettings;
  accounts: StaffAccounts;
  visits: Visits;
}

/** Checked against when the staff number is unknown, so a miss takes as long as a wrong PIN. */
const decoyHash = hashPin('decoy-pin');

/**
 * Attended mode: the one member of staff signed in at this kiosk. Signing in takes a PIN;
 * five wrong ones lock the account for fifteen minutes (both tunable). Attended mode ends
 * by sign-out, by another person signing in, when the visit it was part of ends (the next
 * person at the screen has proved nothing), or after its own idle timeout, which is
 * checked on every read and by a timer so the screen hears of it even when nothing calls.
 */
export class AttendedMode implements StaffPresence {
  private signedIn: { staffId: string; lastActivity: number } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly viewStmt;

  constructor(private readonly deps: AttendedDeps) {
    this.viewStmt = deps.db.prepare<[string], { staffId: string; name: string; role: StaffRole; shiftId: string | null }>(
      `SELECT s.id AS staffId, s.name, s.role, sh.id AS shiftId
       FROM staff s LEFT JOIN shifts sh ON sh.staff_id = s.id AND sh.closed_at IS NULL
       WHERE s.id = ?`,
    );
  }

  current(): SignedInStaff | undefined {
    if (!this.signedIn) return undefined;
    if (this.deps.clock.now().getTime() - this.signedIn.lastActivity > this.idleMs()) {
      this.end('idle');
      return undefined;
    }
    return this.viewStmt.get(this.signedIn.staffId);
  }

  /** The signed-in member of staff as the screen sees them, or null. */
  view(): SignedInStaffView | null {
    const staff = this.current();
    return staff ? { ...staff, idleTimeoutSeconds: this.deps.settings.idleTimeoutSeconds } : null;
  }

  async signIn(request: SignInRequest): Promise<SignedInStaffView> {
    const { accounts, audit, clock, settings, offThreadSync } = this.deps;
    const row = accounts.find(request);
    const attempted = request.staffId ?? `badge:${accounts.badgeHash(request.badgeCode ?? '')}`;
    if (!row || row.active !== 1) {
      await verifyPin(request.pin, await decoyHash);
      offThreadSync.commit(() => audit.append({ action: 'staff.signIn', outcome: 'unknown', actor: 'unknown', subject: this.deps.hashIdentifier('staff', attempted) }));
      throw new KioskError('staff.signInFailed');
    }
    const actor = `staff:${row.id}`;
    // Counted before the slow compare, in one write transaction: parallel attempts queue here.
    const attempt = offThreadSync.commit(() => {
      const reserved = accounts.reserveAttempt(row.id, settings.maxFailedPins, settings.lockoutMinutes * 60_000);
      if ('refusedUntil' in reserved) audit.append({ action: 'staff.signIn', outcome: 'locked', actor });
      return reserved;
    }, 'immediate');
    if ('refusedUntil' in attempt) throw this.lockedError(attempt.refusedUntil.getTime());
    if (!(await verifyPin(request.pin, row.pin_hash))) {
      // Uploaded so the hub counts wrong PINs across the centre's kiosks (never the PIN itself).
      offThreadSync.commit(() => {
        audit.append({ action: 'staff.signIn', outcome: attempt.locksUntil ? 'locked-out' : 'wrong-pin', actor });
        this.deps.outbox.enqueue(STAFF_SIGN_IN_EVENTS.failed, { staffId: row.id });
      });
      throw attempt.locksUntil ? this.lockedError(attempt.locksUntil.getTime()) : new KioskError('staff.signInFailed');
    }
    if (this.signedIn) this.end('replaced');
    offThreadSync.commit(() => {
      accounts.recordSuccess(row.id);
      audit.append({ action: 'staff.signIn', outcome: 'ok', actor, details: { role: row.role } });
      this.deps.outbox.enqueue(STAFF_SIGN_IN_EVENTS.succeeded, { staffId: row.id });
    });
    this.signedIn = { staffId: row.id, lastActivity: clock.now().getTime() };
    this.armTimer();
    const view = this.view();
    if (!view) throw new Error('signed-in staff vanished');
    this.deps.events.emit('staff.changed', { staff: view, reason: 'sign-in' });
    return view;
  }

  signOut(): void {
    if (this.signedIn) this.end('sign-out');
  }

  /** The visit ended (idle wipe, start over, finish): whoever comes next starts unattended. */
  endWithVisit(): void {
    if (this.signedIn) this.end('visit-ended');
  }

  /** The back office disabled (or withdrew) the signed-in account: attended mode ends at once. */
  endIfDisabled(): void {
    if (this.signedIn && this.deps.accounts.find({ staffId: this.signedIn.staffId })?.active !== 1) this.end('disabled');
  }

  /** Whether someone is signed in, without reading the clock (the visit's silence limit asks). */
  isSignedIn(): boolean {
    return this.signedIn !== undefined;
  }

  /** A staff touch on the screen (only staff screens report them; a citizen's touch never does). */
  keepAlive(): void {
    if (!this.current() || !this.signedIn) return;
    this.signedIn.lastActivity = this.deps.clock.now().getTime();
    // Staff at work on their screens keep the visit they signed in to open as well.
    this.deps.visits.markActive();
    this.armTimer();
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  private end(reason: EndReason): void {
    const staffId = this.signedIn?.staffId;
    this.signedIn = undefined;
    clearTimeout(this.timer);
    this.deps.offThreadSync.commit(() => this.deps.audit.append({ action: 'staff.signOut', outcome: reason, actor: `staff:${staffId}` }));
    this.deps.events.emit('staff.changed', { staff: null, reason });
  }

  private idleMs(): number {
    return this.deps.settings.idleTimeoutSeconds * 1000;
  }

  private armTimer(): void {
    clearTimeout(this.timer);
    // Reading `current()` ends attended mode if the idle time has really passed by the clock.
    this.timer = setTimeout(() => this.current(), this.idleMs() + 1000);
    this.timer.unref();
  }

  private lockedError(until: number): KioskError {
    const minutes = Math.max(1, Math.ceil((until - this.deps.clock.now().getTime()) / 60_000));
    return new KioskError('staff.locked', { params: { count: minutes } });
  }
}
