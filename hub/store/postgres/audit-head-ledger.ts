import type pg from 'pg';
import type { KeptAuditHead } from '../hub-store';

/** Every audit head each kiosk sent, by row number; a kiosk's heads only ever move forward (kept by hub_apply_upload, migrations/007). */
export class AuditHeadLedger {
  constructor(private readonly pool: pg.Pool) {}

  async list(kioskId: string, afterRowId: number, limit: number): Promise<KeptAuditHead[]> {
    const { rows } = await this.pool.query<{ row_id: number; hash: string; received_at: string }>(
      'SELECT row_id, hash, received_at FROM kiosk_audit_heads WHERE kiosk_id = $1 AND row_id > $2 ORDER BY row_id LIMIT $3',
      [kioskId, afterRowId, limit],
    );
    return rows.map((row) => ({ id: row.row_id, hash: row.hash, receivedAt: row.received_at }));
  }
}
