import { createHash } from 'node:crypto';
import type { Clock } from '../clock';
import type { Db } from '../db/open';

export interface AuditEntry {
  action: string;
  outcome: string;
  /** 'citizen' for the person at the screen, 'staff:<id>' for staff, 'system' for the kiosk itself. */
  actor: string;
  visitId?: string | null;
  /** A keyed hash of the identifier concerned, never the identifier itself. */
  subject?: string | null;
  details?: Record<string, string | number | boolean | null>;
}

export interface AuditRow {
  id: number;
  at: string;
  visit_id: string | null;
  actor: string;
  action: string;
  subject: string | null;
  outcome: string;
  details: string;
  prev_hash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

export function hashAuditRow(row: Omit<AuditRow, 'id' | 'hash'>): string {
  const canonical = JSON.stringify([
    row.at,
    row.visit_id,
    row.actor,
    row.action,
    row.subject,
    row.outcome,
    row.details,
    row.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * The append-only audit trail. Each row's hash covers its content and the previous row's
 * hash, so changing or removing any row breaks the chain from there on. Call `append`
 * inside the transaction of the change it records.
 */
export class AuditLog {
  private readonly lastStmt;
  private readonly insertStmt;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.lastStmt = db.prepare<[], { hash: string }>('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1');
    this.insertStmt = db.prepare(
      `INSERT INTO audit_log (at, visit_id, actor, action, subject, outcome, details, prev_hash, hash)
       VALUES (@at, @visit_id, @actor, @action, @subject, @outcome, @details, @prev_hash, @hash)`,
    );
  }

  append(entry: AuditEntry): number {
    const row = {
      at: this.clock.now().toISOString(),
      visit_id: entry.visitId ?? null,
      actor: entry.actor,
      action: entry.action,
      subject: entry.subject ?? null,
      outcome: entry.outcome,
      details: JSON.stringify(entry.details ?? {}),
      prev_hash: this.lastStmt.get()?.hash ?? GENESIS_HASH,
    };
    return Number(this.insertStmt.run({ ...row, hash: hashAuditRow(row) }).lastInsertRowid);
  }
}
