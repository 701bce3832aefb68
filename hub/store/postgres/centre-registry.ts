import type pg from 'pg';
import type { ConsoleActionRecord } from '@shared/console/console-api';
import { STAFF_SIGN_IN_EVENTS } from '@shared/sync/centre-state';
import type { AddStaffOutcome, Centre, CentreStaff, NewCentreStaff, StaffChange, StaffSignInEvent, StoredCentreSettings } from '../hub-store';
import type { ConsoleActions } from './console-actions';
import { inTransaction } from './postgres-connection';

const CENTRE_COLUMNS = 'c.id, c.name, c.badge_key AS "badgeKey", c.created_at AS "createdAt"';
const STAFF_COLUMNS = `staff_id AS "staffId", centre_id AS "centreId", name, role, pin_hash AS "pinHash", badge_hash AS "badgeHash",
  disabled_at AS "disabledAt", created_at AS "createdAt", updated_at AS "updatedAt"`;

/** Service centres, which kiosk stands in which, each centre's staff and its settings. */
export class CentreRegistry {
  constructor(
    private readonly pool: pg.Pool,
    private readonly actions: ConsoleActions,
  ) {}

  /** Makes a change and, only when it was made, writes its console record in the same transaction. */
  private recorded<T>(record: ConsoleActionRecord | undefined, made: (outcome: T) => boolean, change: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, async (client) => {
      const outcome = await change(client);
      if (record !== undefined && made(outcome)) await this.actions.record(record, client);
      return outcome;
    });
  }

  addCentre(centre: Centre, record?: ConsoleActionRecord): Promise<boolean> {
    return this.recorded(record, (added) => added, async (client) => {
      const result = await client.query('INSERT INTO centres (id, name, badge_key, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
        centre.id,
        centre.name,
        centre.badgeKey,
        centre.createdAt,
      ]);
      return result.rowCount === 1;
    });
  }

  async listCentres(): Promise<Centre[]> {
    return (await this.pool.query<Centre>(`SELECT ${CENTRE_COLUMNS} FROM centres c ORDER BY c.id COLLATE "C"`)).rows;
  }

  /** One statement: the kiosk and the centre are looked up together with the move. */
  setKioskCentre(kioskId: string, centreId: string, record?: ConsoleActionRecord): Promise<'moved' | 'no-kiosk' | 'no-centre'> {
    return this.recorded(record, (outcome) => outcome === 'moved', async (client) => {
      const { rows } = await client.query<{ kiosk: boolean; centre: boolean }>(
        `WITH moved AS (UPDATE kiosks SET centre_id = $2 WHERE id = $1 AND EXISTS (SELECT 1 FROM centres WHERE id = $2) RETURNING id)
         SELECT EXISTS (SELECT 1 FROM kiosks WHERE id = $1) AS kiosk, EXISTS (SELECT 1 FROM centres WHERE id = $2) AS centre`,
        [kioskId, centreId],
      );
      const found = rows[0];
      if (!found?.kiosk) return 'no-kiosk';
      return found.centre ? 'moved' : 'no-centre';
    });
  }

  async kioskCentre(kioskId: string): Promise<Centre | null> {
    const { rows } = await this.pool.query<Centre>(`SELECT ${CENTRE_COLUMNS} FROM kiosks k JOIN centres c ON c.id = k.centre_id WHERE k.id = $1`, [kioskId]);
    return rows[0] ?? null;
  }

  addStaff(staff: NewCentreStaff, at: string, record?: ConsoleActionRecord): Promise<AddStaffOutcome> {
    return this.recorded(record, (outcome) => outcome === 'added', async (client): Promise<AddStaffOutcome> => {
      // The centre's row is locked so two additions at once are judged one after the other.
      if ((await client.query('SELECT 1 FROM centres WHERE id = $1 FOR UPDATE', [staff.centreId])).rowCount === 0) return 'no-centre';
      const inserted = await client.query(
        `INSERT INTO centre_staff (staff_id, centre_id, name, role, pin_hash, badge_hash, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT DO NOTHING`,
        [staff.staffId, staff.centreId, staff.name, staff.role, staff.pinHash, staff.badgeHash, at],
      );
      if (inserted.rowCount === 1) return 'added';
      return (await client.query('SELECT 1 FROM centre_staff WHERE staff_id = $1', [staff.staffId])).rowCount === 1 ? 'exists' : 'badge-taken';
    });
  }

  changeStaff(staffId: string, change: StaffChange, at: string, record?: ConsoleActionRecord): Promise<boolean> {
    const [assignment, value] =
      'disabled' in change
        ? // Disabling keeps the first time it happened; enabling clears it.
          ['disabled_at = CASE WHEN $1::boolean THEN coalesce(disabled_at, $2) END', change.disabled]
        : 'role' in change
          ? ['role = $1', change.role]
          : ['pin_hash = $1', change.pinHash];
    return this.recorded(record, (changed) => changed, async (client) => {
      const result = await client.query(`UPDATE centre_staff SET ${assignment}, updated_at = $2 WHERE staff_id = $3`, [value, at, staffId]);
      return result.rowCount === 1;
    });
  }

  async findStaff(staffId: string): Promise<CentreStaff | undefined> {
    return (await this.pool.query<CentreStaff>(`SELECT ${STAFF_COLUMNS} FROM centre_staff WHERE staff_id = $1`, [staffId])).rows[0];
  }

  async listStaff(centreId: string): Promise<CentreStaff[]> {
    return (await this.pool.query<CentreStaff>(`SELECT ${STAFF_COLUMNS} FROM centre_staff WHERE centre_id = $1 ORDER BY staff_id COLLATE "C"`, [centreId])).rows;
  }

  /** The event types are written into the statement, not bound, so the partial index applies. */
  async staffSignInEvents(centreId: string, since: string): Promise<StaffSignInEvent[]> {
    const { rows } = await this.pool.query<{ staff_id: string | null; type: string; received_at: string }>(
      `SELECT CASE WHEN json_typeof(e.payload -> 'staffId') = 'string' THEN e.payload ->> 'staffId' END AS staff_id, e.type, e.received_at
       FROM kiosks k JOIN kiosk_events e ON e.kiosk_id = k.id
       WHERE k.centre_id = $1 AND e.type IN ('${STAFF_SIGN_IN_EVENTS.failed}', '${STAFF_SIGN_IN_EVENTS.succeeded}')
         AND e.received_at >= $2 AND e.rejected_reason IS NULL
       ORDER BY e.received_at, e.kiosk_id COLLATE "C", e.seq`,
      [centreId, since],
    );
    return rows
      .filter((row): row is typeof row & { staff_id: string } => row.staff_id !== null)
      .map((row) => ({ staffId: row.staff_id, failed: row.type === STAFF_SIGN_IN_EVENTS.failed, receivedAt: row.received_at }));
  }

  /** One statement: the insert takes its centre from the centres table, so an unknown centre inserts nothing. */
  async setSettings(centreId: string, settings: StoredCentreSettings): Promise<boolean> {
    const result = await this.pool.query(
      `INSERT INTO centre_settings (centre_id, document, updated_by, updated_at) SELECT id, $2, $3, $4 FROM centres WHERE id = $1
       ON CONFLICT (centre_id) DO UPDATE SET document = excluded.document, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      [centreId, JSON.stringify(settings.document), settings.updatedBy, settings.updatedAt],
    );
    return result.rowCount === 1;
  }

  async settings(centreId: string): Promise<StoredCentreSettings | undefined> {
    const { rows } = await this.pool.query<StoredCentreSettings>(
      'SELECT document, updated_by AS "updatedBy", updated_at AS "updatedAt" FROM centre_settings WHERE centre_id = $1',
      [centreId],
    );
    return rows[0];
  }
}
