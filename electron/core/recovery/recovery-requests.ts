import { randomUUID } from 'node:crypto';
import type { PendingRecovery, RejectionReason } from '@shared/contract/recovery';
import { maskEmail, maskPhone } from '@shared/identifiers';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import type { OffThreadSync } from '../db/off-thread-sync';
import { KioskError } from '../errors';
import type { Outbox } from '../outbox';
import type { SignedInStaff } from '../staff-presence';
import { fullName, type CitizenRecords } from './citizen-records';
import { endOfKenyaDay } from '@shared/kenya/time';
import { newRecoveryReference } from './recovery-reference';

export const RECOVERY_APPROVED_EVENT = 'account.recovery.approved';
/** A refusal goes to the back office too (its day counts both); it carries no citizen's identifier or new contact. */
export const RECOVERY_REJECTED_EVENT = 'account.recovery.rejected';

export interface NewRecoveryRequest {
  citizenId: number;
  idHash: string;
  visitId: string;
  documentFormat: 'TD1' | 'TD3';
  mrzHash: string;
  newPhone: string;
  /** Staff signed in during any step of the flow: none of them may approve the request. */
  attendedBy: readonly string[];
}

interface RequestRow {
  id: string;
  reference: string;
  citizen_id: number;
  id_hash: string;
  document_format: 'TD1' | 'TD3';
  mrz_hash: string;
  new_phone: string | null;
  new_email: string | null;
  status: 'pending' | 'approved' | 'rejected' | 'expired';
  created_at: string;
  expires_at: string;
}

export type RecoveryDecision = { status: 'approved' } | { status: 'rejected'; reason: RejectionReason };

/**
 * Recovery requests waiting for a clerk. A request changes nothing by itself: only its
 * approval writes the `account.recovery.approved` event for the back office, in the same
 * transaction as the status and the audit row naming the clerk. Whatever is decided (or
 * expires at the end of the Kenyan day it was made), the new phone number and email are dropped.
 * Four eyes: no staff member signed in while the request was made may approve it.
 */
export class RecoveryRequests {
  constructor(
    private readonly db: Db,
    private readonly offThreadSync: OffThreadSync,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly citizens: CitizenRecords,
    private readonly kioskId: string,
  ) {}

  /** Records a pending request; call inside the transaction that audits it. */
  create(request: NewRecoveryRequest): { id: string; reference: string; expiresAt: string } {
    const now = this.clock.now();
    const id = randomUUID();
    const expiresAt = endOfKenyaDay(now).toISOString();
    const insert = this.db.prepare(
      `INSERT INTO recovery_requests (id, reference, citizen_id, id_hash, visit_id, document_format, mrz_hash, new_phone, status, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
    );
    for (;;) {
      const reference = newRecoveryReference();
      try {
        insert.run(id, reference, request.citizenId, request.idHash, request.visitId, request.documentFormat, request.mrzHash, request.newPhone, now.toISOString(), expiresAt);
        for (const staffId of request.attendedBy) this.noteAttendedBy(id, staffId);
        return { id, reference, expiresAt };
      } catch (error) {
        // Another request already has this reference: draw again.
        if (!(error instanceof Error && /UNIQUE constraint failed: recovery_requests.reference/.test(error.message))) throw error;
      }
    }
  }

  /** Marks every pending request past its end of day as expired; returns how many. */
  expireStale(): number {
    return this.offThreadSync.commit(() => {
      const now = this.clock.now().toISOString();
      const stale = this.db
        .prepare<[string], RequestRow>(`SELECT * FROM recovery_requests WHERE status = 'pending' AND expires_at <= ?`)
        .all(now);
      const expire = this.db.prepare(
        `UPDATE recovery_requests SET status = 'expired', new_phone = NULL, new_email = NULL, decided_at = ?, decided_by = 'system' WHERE id = ?`,
      );
      for (const row of stale) {
        expire.run(now, row.id);
        this.audit.append({
          action: 'recovery.request',
          outcome: 'expired',
          actor: 'system',
          subject: row.id_hash,
          details: { requestId: row.id, reference: row.reference },
        });
      }
      return stale.length;
    });
  }

  /**
   * Adds the proven new email to a request still pending (a newer email replaces an older
   * one); call inside the transaction that audits it. Refuses once the request is decided
   * or expired: the clerk decided on what was there.
   */
  addEmail(requestId: string, email: string, attendedBy: string | undefined): void {
    this.requirePending(requestId);
    this.db.prepare("UPDATE recovery_requests SET new_email = ? WHERE id = ? AND status = 'pending'").run(email, requestId);
    if (attendedBy !== undefined) this.noteAttendedBy(requestId, attendedBy);
  }

  /** Records that `staffId` was signed in while the request was made or added to. */
  private noteAttendedBy(requestId: string, staffId: string): void {
    this.db.prepare('INSERT OR IGNORE INTO recovery_request_staff (request_id, staff_id) VALUES (?, ?)').run(requestId, staffId);
  }

  private attendedBy(requestId: string, staffId: string): boolean {
    return this.db.prepare('SELECT 1 FROM recovery_request_staff WHERE request_id = ? AND staff_id = ?').get(requestId, staffId) !== undefined;
  }

  /** Refuses with `recovery.requestDecided` unless the request is still waiting for a clerk. */
  requirePending(requestId: string): void {
    this.expireStale();
    const row = this.db.prepare<[string], { status: string }>('SELECT status FROM recovery_requests WHERE id = ?').get(requestId);
    if (!row) throw new KioskError('recovery.requestUnknown');
    if (row.status !== 'pending') throw new KioskError('recovery.requestDecided');
  }

  /**
   * Pending requests, oldest first, with the record the clerk compares the document to,
   * each saying whether `staff` took part in making it (and so may not approve it).
   */
  pending(staff: SignedInStaff): PendingRecovery[] {
    this.expireStale();
    const rows = this.db
      .prepare<[], RequestRow>(`SELECT * FROM recovery_requests WHERE status = 'pending' ORDER BY created_at, reference`)
      .all();
    return rows.flatMap((row) => {
      const record = this.citizens.byId(row.citizen_id);
      if (!record) return [];
      return [
        {
          requestId: row.id,
          reference: row.reference,
          createdAt: row.created_at,
          expiresAt: row.expires_at,
          fullName: fullName(record),
          dateOfBirth: record.dateOfBirth,
          idNumber: record.idNumber,
          documentFormat: row.document_format,
          documentNumberOnRecord: row.document_format === 'TD1' ? record.idSerial : record.passportNumber,
          maskedNewPhone: maskPhone(row.new_phone),
          maskedNewEmail: row.new_email === null ? null : maskEmail(row.new_email),
          attendedByYou: this.attendedBy(row.id, staff.staffId),
        },
      ];
    });
  }

  /**
   * Approves or rejects a pending request, on behalf of the signed-in clerk. A staff member
   * who was signed in while it was made may reject it but not approve it: that refusal is
   * audited and changes nothing else.
   */
  decide(requestId: string, decision: RecoveryDecision, staff: SignedInStaff): void {
    this.expireStale();
    // The refusal's audit row must commit, so the transaction returns it rather than throwing.
    const decided = this.offThreadSync.commit(() => {
      const row = this.db.prepare<[string], RequestRow>('SELECT * FROM recovery_requests WHERE id = ?').get(requestId);
      if (!row) throw new KioskError('recovery.requestUnknown');
      if (row.status !== 'pending' || row.new_phone === null) throw new KioskError('recovery.requestDecided');
      if (decision.status === 'approved' && this.attendedBy(row.id, staff.staffId)) {
        this.audit.append({ action: 'recovery.decision', outcome: 'refused-own-request', actor: `staff:${staff.staffId}`, subject: row.id_hash, details: { requestId: row.id, reference: row.reference } });
        return false;
      }
      const record = this.citizens.byId(row.citizen_id);
      if (!record) throw new KioskError('recovery.requestUnknown');
      const now = this.clock.now().toISOString();
      const reason = decision.status === 'rejected' ? decision.reason : null;
      this.db
        .prepare(
          `UPDATE recovery_requests SET status = ?, new_phone = NULL, new_email = NULL, decided_at = ?, decided_by = ?, decision_reason = ? WHERE id = ? AND status = 'pending'`,
        )
        .run(decision.status, now, staff.staffId, reason, requestId);
      if (decision.status === 'approved') {
        this.outbox.enqueue(RECOVERY_APPROVED_EVENT, {
          requestId: row.id,
          reference: row.reference,
          kioskId: this.kioskId,
          idNumber: record.idNumber,
          newContact: { phone: row.new_phone, ...(row.new_email === null ? {} : { email: row.new_email }) },
          verifiedBy: { document: row.document_format === 'TD1' ? 'id-card' : 'passport', mrzHash: row.mrz_hash },
          approvedBy: { staffId: staff.staffId, shiftId: staff.shiftId },
          approvedAt: now,
        });
      } else {
        this.outbox.enqueue(RECOVERY_REJECTED_EVENT, { requestId: row.id, reference: row.reference, kioskId: this.kioskId, reason, rejectedBy: { staffId: staff.staffId, shiftId: staff.shiftId }, rejectedAt: now });
      }
      this.audit.append({
        action: 'recovery.decision',
        outcome: decision.status,
        actor: `staff:${staff.staffId}`,
        subject: row.id_hash,
        details: { requestId: row.id, reference: row.reference, mrzHash: row.mrz_hash, reason },
      });
      return true;
    });
    if (!decided) throw new KioskError('recovery.ownRequest');
  }
}
