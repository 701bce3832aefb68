import type pg from 'pg';
import type { Heartbeat } from '@shared/sync/protocol';
import type { KioskSummary } from '../hub-store';

interface KioskRow {
  id: string;
  created_at: string;
  centre_id: string | null;
  applied_through: number;
  rejected_count: number;
  heartbeat: Heartbeat | null;
  heartbeat_at: string | null;
}

/** The kiosks the hub knows: their hashed tokens and their last heartbeat. Each call is one statement. */
export class KioskRegistry {
  constructor(private readonly pool: pg.Pool) {}

  /** False when the id (or, by chance, the token's hash) is already taken. */
  async add(kioskId: string, tokenHash: string, at: string, centreId: string | null): Promise<boolean> {
    const result = await this.pool.query('INSERT INTO kiosks (id, token_hash, created_at, centre_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
      kioskId,
      tokenHash,
      at,
      centreId,
    ]);
    return result.rowCount === 1;
  }

  async replaceToken(kioskId: string, tokenHash: string): Promise<boolean> {
    return (await this.pool.query('UPDATE kiosks SET token_hash = $1 WHERE id = $2', [tokenHash, kioskId])).rowCount === 1;
  }

  async disable(kioskId: string, at: string): Promise<boolean> {
    return (await this.pool.query('UPDATE kiosks SET disabled_at = coalesce(disabled_at, $1) WHERE id = $2', [at, kioskId])).rowCount === 1;
  }

  async forToken(tokenHash: string): Promise<string | undefined> {
    // Every kiosk request asks: named, so each pooled connection parses and plans it once.
    return (await this.pool.query<{ id: string }>({ name: 'kiosk-for-token', text: 'SELECT id FROM kiosks WHERE token_hash = $1 AND disabled_at IS NULL', values: [tokenHash] })).rows[0]
      ?.id;
  }

  async recordHeartbeat(kioskId: string, heartbeat: Heartbeat, receivedAt: string): Promise<void> {
    await this.pool.query({ name: 'kiosk-heartbeat', text: 'UPDATE kiosks SET heartbeat = $1::json, heartbeat_at = $2 WHERE id = $3', values: [JSON.stringify(heartbeat), receivedAt, kioskId] });
  }

  async list(): Promise<KioskSummary[]> {
    const { rows } = await this.pool.query<KioskRow>(
      `SELECT k.id, k.created_at, k.centre_id, k.applied_through, k.heartbeat, k.heartbeat_at,
         (SELECT count(*) FROM kiosk_events e WHERE e.kiosk_id = k.id AND e.rejected_reason IS NOT NULL) AS rejected_count
       FROM kiosks k ORDER BY k.id COLLATE "C"`,
    );
    return rows.map((row) => ({
      id: row.id,
      createdAt: row.created_at,
      centreId: row.centre_id,
      appliedThrough: row.applied_through,
      rejectedCount: row.rejected_count,
      heartbeat: row.heartbeat === null || row.heartbeat_at === null ? null : { ...row.heartbeat, receivedAt: row.heartbeat_at },
    }));
  }
}
