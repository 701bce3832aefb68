import { randomUUID } from 'node:crypto';
import type { Clock } from './clock';
import type { Db } from './db/open';

export interface OutboxEvent {
  seq: number;
  id: string;
  type: string;
  payload: unknown;
  createdAt: string;
}

/**
 * Events for the back office. `enqueue` must run inside the transaction of the change it
 * reports, so the change and its event commit together or not at all; the sync uploader
 * is woken after the commit through `onEnqueued`.
 */
export class Outbox {
  private readonly insertStmt;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.insertStmt = db.prepare('INSERT INTO outbox (id, type, payload, created_at) VALUES (?, ?, ?, ?)');
  }

  enqueue(type: string, payload: unknown): { seq: number; id: string } {
    const id = randomUUID();
    const info = this.insertStmt.run(id, type, JSON.stringify(payload), this.clock.now().toISOString());
    const seq = Number(info.lastInsertRowid);
    if (this.db.inTransaction) queueMicrotask(() => this.notify());
    else this.notify();
    return { seq, id };
  }

  onEnqueued(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
