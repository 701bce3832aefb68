import type { Db } from '@shared/node/sqlite/open-sqlite';
import type { ApplyOutcome, JudgedEvent, StoredEvent } from '../hub-store';

interface EventRow {
  seq: number;
  id: string | null;
  type: string | null;
  payload: string | null;
  created_at: string | null;
  received_at: string;
  rejected_reason: string | null;
}

/** The events each kiosk uploaded, under its own gapless numbering (Replicache's rule). */
export class EventLedger {
  private readonly appliedThroughStmt;
  private readonly storedIdStmt;
  private readonly insertStmt;
  private readonly advanceStmt;
  private readonly rejectedStmt;
  private readonly listStmt;

  constructor(private readonly db: Db) {
    this.appliedThroughStmt = db.prepare<[string], { applied_through: number }>('SELECT applied_through FROM kiosks WHERE id = ?');
    this.storedIdStmt = db.prepare<[string, number], { id: string | null }>('SELECT id FROM kiosk_events WHERE kiosk_id = ? AND seq = ?');
    this.insertStmt = db.prepare(
      `INSERT INTO kiosk_events (kiosk_id, seq, id, type, payload, created_at, received_at, rejected_reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.advanceStmt = db.prepare('UPDATE kiosks SET applied_through = ? WHERE id = ?');
    this.rejectedStmt = db.prepare<[string, number, number], { seq: number; reason: string }>(
      `SELECT seq, rejected_reason AS reason FROM kiosk_events
       WHERE kiosk_id = ? AND seq BETWEEN ? AND ? AND rejected_reason IS NOT NULL ORDER BY seq`,
    );
    this.listStmt = db.prepare<[string, number, number], EventRow>(
      'SELECT * FROM kiosk_events WHERE kiosk_id = ? AND seq > ? ORDER BY seq LIMIT ?',
    );
  }

  /** Every check happens before the first write, so a refused batch changes nothing. */
  apply(kioskId: string, events: JudgedEvent[], receivedAt: string): ApplyOutcome {
    return this.db.transaction((): ApplyOutcome => {
      const appliedThrough = this.appliedThroughStmt.get(kioskId)?.applied_through;
      if (appliedThrough === undefined) throw new Error(`unknown kiosk ${kioskId}`);
      const consecutive = events.every((e, i) => i === 0 || e.seq === (events[i - 1]?.seq ?? 0) + 1);
      const first = events[0]?.seq ?? appliedThrough + 1;
      if (!consecutive || first > appliedThrough + 1) return { kind: 'conflict', error: 'gap', appliedThrough };

      const repeats = events.filter((e) => e.seq <= appliedThrough);
      if (repeats.some((e) => !this.sameEventAsStored(kioskId, e))) {
        return { kind: 'conflict', error: 'history-mismatch', appliedThrough };
      }
      let through = appliedThrough;
      for (const judged of events.slice(repeats.length)) {
        if (judged.verdict === 'accepted') {
          const { event } = judged;
          this.insertStmt.run(kioskId, event.seq, event.id, event.type, JSON.stringify(event.payload), event.createdAt, receivedAt, null);
        } else {
          this.insertStmt.run(kioskId, judged.seq, judged.id, judged.type, null, null, receivedAt, judged.reason);
        }
        through = judged.seq;
      }
      if (through > appliedThrough) this.advanceStmt.run(through, kioskId);
      const last = events[events.length - 1]?.seq ?? through;
      return { kind: 'applied', appliedThrough: through, rejected: this.rejectedStmt.all(kioskId, first, last) };
    })();
  }

  list(kioskId: string, afterSeq: number, limit: number): StoredEvent[] {
    return this.listStmt.all(kioskId, afterSeq, limit).map((row) => ({
      seq: row.seq,
      id: row.id,
      type: row.type,
      payload: row.payload === null ? null : (JSON.parse(row.payload) as unknown),
      createdAt: row.created_at,
      receivedAt: row.received_at,
      rejectedReason: row.rejected_reason,
    }));
  }

  /** A resent event must be the one stored under its number; an unreadable id proves nothing. */
  private sameEventAsStored(kioskId: string, judged: JudgedEvent): boolean {
    const id = judged.verdict === 'accepted' ? judged.event.id : judged.id;
    const stored = this.storedIdStmt.get(kioskId, judged.seq)?.id ?? null;
    return id === null || stored === null || id === stored;
  }
}
