import type pg from 'pg';
import type { WireAuditHead } from '@shared/sync/protocol';
import type { ApplyOutcome, JudgedEvent, StoredEvent } from '../hub-store';

interface EventRow {
  seq: number;
  id: string | null;
  type: string | null;
  payload: unknown;
  created_at: string | null;
  received_at: string;
  rejected_reason: string | null;
}

/** What hub_apply_upload answers (see its migration). */
type UploadOutcomeRow = Exclude<ApplyOutcome, { kind: 'audit-head-conflict' }> | { kind: 'audit-head-conflict'; id: number; hash: string };

/** The events each kiosk uploaded, under its own gapless numbering (Replicache's rule). */
export class EventLedger {
  constructor(private readonly pool: pg.Pool) {}

  /**
   * The upload's audit head, then its events, judged and written by one call of
   * `hub_apply_upload` (migrations/007-apply-upload.ts): one round trip, one transaction.
   */
  async apply(kioskId: string, events: JudgedEvent[], receivedAt: string, auditHead: WireAuditHead | undefined): Promise<ApplyOutcome> {
    const columns = events.map((judged) =>
      judged.verdict === 'accepted'
        ? [judged.event.seq, judged.event.id, judged.event.type, JSON.stringify(judged.event.payload), judged.event.createdAt, null]
        : [judged.seq, judged.id, judged.type, null, null, judged.reason],
    );
    const { rows } = await this.pool.query<{ outcome: UploadOutcomeRow }>({
      // Named: each pooled connection parses and plans it once.
      name: 'apply-upload',
      text: 'SELECT hub_apply_upload($1, $2, $3, $4, $5::bigint[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[]) AS outcome',
      values: [kioskId, receivedAt, auditHead?.id ?? null, auditHead?.hash ?? null, ...[0, 1, 2, 3, 4, 5].map((i) => columns.map((row) => row[i] ?? null))],
    });
    const outcome = rows[0]?.outcome;
    if (!outcome) throw new Error('hub_apply_upload returned nothing');
    return outcome.kind === 'audit-head-conflict' ? { kind: 'audit-head-conflict', latest: { id: outcome.id, hash: outcome.hash } } : outcome;
  }

  async list(kioskId: string, afterSeq: number, limit: number): Promise<StoredEvent[]> {
    const { rows } = await this.pool.query<EventRow>('SELECT * FROM kiosk_events WHERE kiosk_id = $1 AND seq > $2 ORDER BY seq LIMIT $3', [kioskId, afterSeq, limit]);
    return rows.map((row) => ({
      seq: row.seq,
      id: row.id,
      type: row.type,
      payload: row.payload,
      createdAt: row.created_at,
      receivedAt: row.received_at,
      rejectedReason: row.rejected_reason,
    }));
  }
}
