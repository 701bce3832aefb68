import type pg from 'pg';
import type { ConsoleActionRecord } from '@shared/console/console-api';

/** What admins did in the console (console_actions), kept as the sign-ins are. */
export class ConsoleActions {
  constructor(private readonly pool: pg.Pool) {}

  /** On `client` when given: inside the transaction of the change it records. */
  async record({ adminName, action, target, centreId, outcome, at }: ConsoleActionRecord, client?: pg.PoolClient): Promise<void> {
    await (client ?? this.pool).query('INSERT INTO console_actions (admin_name, action, target, centre_id, outcome, at) VALUES ($1, $2, $3, $4, $5, $6)', [adminName, action, target, centreId, outcome, at]);
  }

  async list(limit: number, centreId?: string): Promise<ConsoleActionRecord[]> {
    const { rows } = await this.pool.query<ConsoleActionRecord>(
      `SELECT admin_name AS "adminName", action, target, centre_id AS "centreId", outcome, at FROM console_actions
       WHERE $2::text IS NULL OR centre_id = $2 ORDER BY id DESC LIMIT $1`,
      [limit, centreId ?? null],
    );
    return rows;
  }
}
