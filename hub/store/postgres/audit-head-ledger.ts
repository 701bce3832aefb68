import type pg from 'pg';
import type { WireAuditHead } from '@shared/sync/protocol';
import type { AuditHeadOutcome, KeptAuditHead } from '../hub-store';

/** Every audit head each kiosk sent, by row number; a kiosk's heads only ever move forward. */
export class AuditHeadLedger {
  constructor(private readonly pool: pg.Pool) {}

  /**
   * Keeps a head past the latest; the latest again is a repeat; anything else is refused. Runs
   * in the upload's transaction; the kiosk's row is locked first, so two uploads at once are
   * judged one after the other.
   */
  async recordOn(client: pg.PoolClient, kioskId: string, head: WireAuditHead, receivedAt: string): Promise<AuditHeadOutcome> {
    // Every upload runs these: named, so each pooled connection parses and plans them once.
    await client.query({ name: 'upload-lock-kiosk-for-head', text: 'SELECT 1 FROM kiosks WHERE id = $1 FOR UPDATE', values: [kioskId] });
    const latest = (
      await client.query<{ row_id: number; hash: string }>({
        name: 'upload-latest-head',
        text: 'SELECT row_id, hash FROM kiosk_audit_heads WHERE kiosk_id = $1 ORDER BY row_id DESC LIMIT 1',
        values: [kioskId],
      })
    ).rows[0];
    if (latest && latest.row_id === head.id && latest.hash === head.hash) return { kind: 'kept' };
    if (latest && latest.row_id >= head.id) return { kind: 'conflict', latest: { id: latest.row_id, hash: latest.hash } };
    await client.query({
      name: 'upload-insert-head',
      text: 'INSERT INTO kiosk_audit_heads (kiosk_id, row_id, hash, received_at) VALUES ($1, $2, $3, $4)',
      values: [kioskId, head.id, head.hash, receivedAt],
    });
    return { kind: 'kept' };
  }

  async list(kioskId: string, afterRowId: number, limit: number): Promise<KeptAuditHead[]> {
    const { rows } = await this.pool.query<{ row_id: number; hash: string; received_at: string }>(
      'SELECT row_id, hash, received_at FROM kiosk_audit_heads WHERE kiosk_id = $1 AND row_id > $2 ORDER BY row_id LIMIT $3',
      [kioskId, afterRowId, limit],
    );
    return rows.map((row) => ({ id: row.row_id, hash: row.hash, receivedAt: row.received_at }));
  }
}
