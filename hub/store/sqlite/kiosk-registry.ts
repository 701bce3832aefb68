import type { Db } from '@shared/node/sqlite/open-sqlite';
import type { Heartbeat } from '@shared/sync/protocol';
import type { KioskSummary } from '../hub-store';

interface KioskRow {
  id: string;
  created_at: string;
  centre_id: string | null;
  applied_through: number;
  rejected_count: number;
  heartbeat: string | null;
  heartbeat_at: string | null;
}

/** The kiosks the hub knows: their hashed tokens and their last heartbeat. */
export class KioskRegistry {
  private readonly addStmt;
  private readonly tokenStmt;
  private readonly byTokenStmt;
  private readonly heartbeatStmt;
  private readonly listStmt;
  private readonly disableStmt;

  constructor(db: Db) {
    this.addStmt = db.prepare('INSERT OR IGNORE INTO kiosks (id, token_hash, created_at, centre_id) VALUES (?, ?, ?, ?)');
    this.tokenStmt = db.prepare('UPDATE kiosks SET token_hash = ? WHERE id = ?');
    this.byTokenStmt = db.prepare<[string], { id: string }>('SELECT id FROM kiosks WHERE token_hash = ? AND disabled_at IS NULL');
    this.disableStmt = db.prepare('UPDATE kiosks SET disabled_at = coalesce(disabled_at, ?) WHERE id = ?');
    this.heartbeatStmt = db.prepare('UPDATE kiosks SET heartbeat = ?, heartbeat_at = ? WHERE id = ?');
    this.listStmt = db.prepare<[], KioskRow>(
      `SELECT k.id, k.created_at, k.centre_id, k.applied_through, k.heartbeat, k.heartbeat_at,
         (SELECT count(*) FROM kiosk_events e WHERE e.kiosk_id = k.id AND e.rejected_reason IS NOT NULL) AS rejected_count
       FROM kiosks k ORDER BY k.id`,
    );
  }

  add(kioskId: string, tokenHash: string, at: string, centreId: string | null): boolean {
    return this.addStmt.run(kioskId, tokenHash, at, centreId).changes === 1;
  }

  replaceToken(kioskId: string, tokenHash: string): boolean {
    return this.tokenStmt.run(tokenHash, kioskId).changes === 1;
  }

  disable(kioskId: string, at: string): boolean {
    return this.disableStmt.run(at, kioskId).changes === 1;
  }

  forToken(tokenHash: string): string | undefined {
    return this.byTokenStmt.get(tokenHash)?.id;
  }

  recordHeartbeat(kioskId: string, heartbeat: Heartbeat, receivedAt: string): void {
    this.heartbeatStmt.run(JSON.stringify(heartbeat), receivedAt, kioskId);
  }

  list(): KioskSummary[] {
    return this.listStmt.all().map((row) => ({
      id: row.id,
      createdAt: row.created_at,
      centreId: row.centre_id,
      appliedThrough: row.applied_through,
      rejectedCount: row.rejected_count,
      heartbeat:
        row.heartbeat === null || row.heartbeat_at === null
          ? null
          : { ...(JSON.parse(row.heartbeat) as Heartbeat), receivedAt: row.heartbeat_at },
    }));
  }
}
