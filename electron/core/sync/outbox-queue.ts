import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { EVENT_ENVELOPE_BYTES, type UploadedEvent, type UploadResponse } from '@shared/sync/protocol';

export interface QueueFigures {
  eventsWaiting: number;
  oldestWaitingAgeSeconds: number | null;
  rejectedCount: number;
}

interface PendingRow {
  seq: number;
  id: string;
  type: string;
  payload: string;
  created_at: string;
}

/**
 * The uploader's view of the outbox table: pending events in sequence order, and the
 * hub's verdicts written back to them so they stay visible (acked, or rejected and why).
 */
export class OutboxQueue {
  private readonly pendingStmt;
  private readonly ackStmt;
  private readonly rejectStmt;
  private readonly reopenStmt;
  private readonly waitingStmt;
  private readonly oldestStmt;
  private readonly rejectedStmt;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.pendingStmt = db.prepare<[number], PendingRow>(
      "SELECT seq, id, type, payload, created_at FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT ?",
    );
    this.ackStmt = db.prepare("UPDATE outbox SET state = 'acked', settled_at = ? WHERE seq = ? AND state = 'pending'");
    this.rejectStmt = db.prepare("UPDATE outbox SET state = 'rejected', settled_at = ?, error = ? WHERE seq = ? AND state = 'pending'");
    this.reopenStmt = db.prepare("UPDATE outbox SET state = 'pending', settled_at = NULL, error = NULL WHERE seq > ? AND state != 'pending'");
    this.waitingStmt = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM outbox WHERE state = 'pending'");
    this.oldestStmt = db.prepare<[], { created_at: string }>("SELECT created_at FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT 1");
    this.rejectedStmt = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM outbox WHERE state = 'rejected'");
  }

  /** The oldest pending events, at least one, at most `maxEvents` and `maxBytes` on the wire (or one event alone). */
  nextBatch(maxEvents: number, maxBytes: number): UploadedEvent[] {
    const batch: UploadedEvent[] = [];
    let bytes = 0;
    for (const row of this.pendingStmt.all(maxEvents)) {
      bytes += Buffer.byteLength(row.payload) + EVENT_ENVELOPE_BYTES;
      if (batch.length > 0 && bytes > maxBytes) break;
      batch.push({ seq: row.seq, id: row.id, type: row.type, payload: JSON.parse(row.payload) as unknown, createdAt: row.created_at });
    }
    return batch;
  }

  /** Writes the hub's answer for the events it covers, in one transaction. */
  settle(batch: readonly UploadedEvent[], answer: UploadResponse): void {
    const at = this.clock.now().toISOString();
    const reasons = new Map(answer.rejected.map((r) => [r.seq, r.reason]));
    this.db.transaction(() => {
      for (const { seq } of batch) {
        if (seq > answer.appliedThrough) break;
        const reason = reasons.get(seq);
        if (reason === undefined) this.ackStmt.run(at, seq);
        else this.rejectStmt.run(at, reason, seq);
      }
    })();
  }

  /** The hub has nothing after `seq` (a restored backup): send everything after it again. */
  resendAfter(seq: number): number {
    return this.reopenStmt.run(seq).changes;
  }

  figures(): QueueFigures {
    const oldest = this.oldestStmt.get()?.created_at;
    return {
      eventsWaiting: this.waitingStmt.get()?.n ?? 0,
      oldestWaitingAgeSeconds:
        oldest === undefined ? null : Math.max(0, Math.floor((this.clock.now().getTime() - Date.parse(oldest)) / 1000)),
      rejectedCount: this.rejectedStmt.get()?.n ?? 0,
    };
  }
}
