import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { kenyaDate } from '@shared/kenya/time';

export type FailureKind = 'document' | 'knowledge';

/**
 * Failed checks per ID number per Kenyan day, across every visit at this kiosk. ID numbers
 * are counted by their keyed hash, so the table never holds one in clear.
 */
export class FailureLimit {
  private readonly countStmt;
  private readonly insertStmt;

  constructor(
    db: Db,
    private readonly clock: Clock,
    private readonly maxPerDay: number,
  ) {
    this.countStmt = db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM recovery_failures WHERE id_hash = ? AND day = ?');
    this.insertStmt = db.prepare('INSERT INTO recovery_failures (id_hash, day, at, kind) VALUES (?, ?, ?, ?)');
  }

  attemptsLeft(idHash: string): number {
    const failed = this.countStmt.get(idHash, kenyaDate(this.clock.now()))?.n ?? 0;
    return Math.max(0, this.maxPerDay - failed);
  }

  /** Records one failure; returns the attempts left today. Call inside the caller's transaction. */
  record(idHash: string, kind: FailureKind): number {
    const now = this.clock.now();
    this.insertStmt.run(idHash, kenyaDate(now), now.toISOString(), kind);
    return this.attemptsLeft(idHash);
  }
}
