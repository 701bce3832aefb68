import type pg from 'pg';
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

/** The events each kiosk uploaded, under its own gapless numbering (Replicache's rule). */
export class EventLedger {
  constructor(private readonly pool: pg.Pool) {}

  /**
   * Every check happens before the first write, so a refused batch changes nothing. Runs in the
   * upload's transaction; the kiosk's row is locked first: two uploads of one kiosk at once apply
   * one after the other.
   */
  async applyOn(client: pg.PoolClient, kioskId: string, events: JudgedEvent[], receivedAt: string): Promise<ApplyOutcome> {
    // Every upload runs these: named, so each pooled connection parses and plans them once.
    const kiosk = await client.query<{ applied_through: number }>({ name: 'upload-lock-kiosk', text: 'SELECT applied_through FROM kiosks WHERE id = $1 FOR UPDATE', values: [kioskId] });
    const appliedThrough = kiosk.rows[0]?.applied_through;
    if (appliedThrough === undefined) throw new Error(`unknown kiosk ${kioskId}`);
    const consecutive = events.every((e, i) => i === 0 || e.seq === (events[i - 1]?.seq ?? 0) + 1);
    const first = events[0]?.seq ?? appliedThrough + 1;
    if (!consecutive || first > appliedThrough + 1) return { kind: 'conflict', error: 'gap', appliedThrough };

    const repeats = events.filter((e) => e.seq <= appliedThrough);
    if (!(await this.sameEventsAsStored(client, kioskId, repeats))) return { kind: 'conflict', error: 'history-mismatch', appliedThrough };
    const fresh = events.slice(repeats.length);
    let through = appliedThrough;
    if (fresh.length > 0) {
      const columns = fresh.map((judged) =>
        judged.verdict === 'accepted'
          ? [judged.event.seq, judged.event.id, judged.event.type, JSON.stringify(judged.event.payload), judged.event.createdAt, null]
          : [judged.seq, judged.id, judged.type, null, null, judged.reason],
      );
      await client.query({
        name: 'upload-insert-events',
        text: `INSERT INTO kiosk_events (kiosk_id, seq, id, type, payload, created_at, received_at, rejected_reason)
         SELECT $1, seq, id, type, payload::json, created_at, $2, rejected_reason
           FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS e (seq, id, type, payload, created_at, rejected_reason)`,
        values: [kioskId, receivedAt, ...[0, 1, 2, 3, 4, 5].map((i) => columns.map((row) => row[i] ?? null))],
      });
      through = fresh[fresh.length - 1]?.seq ?? through;
      await client.query({ name: 'upload-advance-kiosk', text: 'UPDATE kiosks SET applied_through = $1 WHERE id = $2', values: [through, kioskId] });
    }
    // A batch all new and all accepted holds no stored refusal: its answer needs no query (one round trip less an upload).
    if (repeats.length === 0 && fresh.every((e) => e.verdict === 'accepted')) return { kind: 'applied', appliedThrough: through, rejected: [] };
    const last = events[events.length - 1]?.seq ?? through;
    const rejected = await client.query<{ seq: number; reason: string }>(
      `SELECT seq, rejected_reason AS reason FROM kiosk_events
        WHERE kiosk_id = $1 AND seq BETWEEN $2 AND $3 AND rejected_reason IS NOT NULL ORDER BY seq`,
      [kioskId, first, last],
    );
    return { kind: 'applied', appliedThrough: through, rejected: rejected.rows };
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

  /** A resent event must be the one stored under its number; an unreadable id proves nothing. */
  private async sameEventsAsStored(client: pg.PoolClient, kioskId: string, repeats: JudgedEvent[]): Promise<boolean> {
    if (repeats.length === 0) return true;
    const { rows } = await client.query<{ seq: number; id: string | null }>('SELECT seq, id FROM kiosk_events WHERE kiosk_id = $1 AND seq = ANY($2::bigint[])', [
      kioskId,
      repeats.map((e) => e.seq),
    ]);
    const stored = new Map(rows.map((row) => [row.seq, row.id]));
    return repeats.every((judged) => {
      const id = judged.verdict === 'accepted' ? judged.event.id : judged.id;
      const storedId = stored.get(judged.seq) ?? null;
      return id === null || storedId === null || id === storedId;
    });
  }
}
