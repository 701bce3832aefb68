import type { Db } from '@shared/node/sqlite/open-sqlite';
import type { WireAuditHead } from '@shared/sync/protocol';
import type { AuditHeadOutcome, KeptAuditHead } from '../hub-store';

/** Every audit head each kiosk sent, by row number; a kiosk's heads only ever move forward. */
export class AuditHeadLedger {
  private readonly latestStmt;
  private readonly insertStmt;
  private readonly listStmt;

  constructor(private readonly db: Db) {
    this.latestStmt = db.prepare<[string], { row_id: number; hash: string }>(
      'SELECT row_id, hash FROM kiosk_audit_heads WHERE kiosk_id = ? ORDER BY row_id DESC LIMIT 1',
    );
    this.insertStmt = db.prepare('INSERT INTO kiosk_audit_heads (kiosk_id, row_id, hash, received_at) VALUES (?, ?, ?, ?)');
    this.listStmt = db.prepare<[string, number, number], { row_id: number; hash: string; received_at: string }>(
      'SELECT row_id, hash, received_at FROM kiosk_audit_heads WHERE kiosk_id = ? AND row_id > ? ORDER BY row_id LIMIT ?',
    );
  }

  /** Keeps a head past the latest; the latest again is a repeat; anything else is refused. */
  record(kioskId: string, head: WireAuditHead, receivedAt: string): AuditHeadOutcome {
    return this.db.transaction((): AuditHeadOutcome => {
      const latest = this.latestStmt.get(kioskId);
      if (latest && latest.row_id === head.id && latest.hash === head.hash) return { kind: 'kept' };
      if (latest && latest.row_id >= head.id) return { kind: 'conflict', latest: { id: latest.row_id, hash: latest.hash } };
      this.insertStmt.run(kioskId, head.id, head.hash, receivedAt);
      return { kind: 'kept' };
    })();
  }

  list(kioskId: string, afterRowId: number, limit: number): KeptAuditHead[] {
    return this.listStmt.all(kioskId, afterRowId, limit).map((row) => ({ id: row.row_id, hash: row.hash, receivedAt: row.received_at }));
  }
}
