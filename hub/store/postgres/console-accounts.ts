import type pg from 'pg';
import type { ConsoleAdmin, ConsoleSession, SignInRecord } from '../console-store';
import { inTransaction } from './postgres-connection';

/** The console's admins, their sessions and their sign-ins. Each call is one statement or one transaction. */
export class ConsoleAccounts {
  constructor(private readonly pool: pg.Pool) {}

  async add(name: string, passwordHash: string, at: string): Promise<boolean> {
    const result = await this.pool.query('INSERT INTO console_admins (name, password_hash, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [name, passwordHash, at]);
    return result.rowCount === 1;
  }

  async find(name: string): Promise<ConsoleAdmin | undefined> {
    const { rows } = await this.pool.query<ConsoleAdmin>(
      'SELECT name, password_hash AS "passwordHash", failed_sign_ins AS "failedSignIns", locked_until AS "lockedUntil" FROM console_admins WHERE name = $1',
      [name],
    );
    return rows[0];
  }

  async fail(name: string, lockAfter: number, lockedUntil: string): Promise<void> {
    await this.pool.query(
      `UPDATE console_admins SET failed_sign_ins = failed_sign_ins + 1,
         locked_until = CASE WHEN failed_sign_ins + 1 >= $2 THEN $3 ELSE locked_until END
       WHERE name = $1`,
      [name, lockAfter, lockedUntil],
    );
  }

  openSession(tokenHash: string, adminName: string, at: string): Promise<void> {
    return inTransaction(this.pool, async (client) => {
      await client.query('UPDATE console_admins SET failed_sign_ins = 0, locked_until = NULL WHERE name = $1', [adminName]);
      await client.query('INSERT INTO console_sessions (token_hash, admin_name, created_at, last_seen_at) VALUES ($1, $2, $3, $3)', [tokenHash, adminName, at]);
    });
  }

  async session(tokenHash: string): Promise<ConsoleSession | undefined> {
    const { rows } = await this.pool.query<ConsoleSession>(
      'SELECT admin_name AS "adminName", created_at AS "createdAt", last_seen_at AS "lastSeenAt" FROM console_sessions WHERE token_hash = $1',
      [tokenHash],
    );
    return rows[0];
  }

  async touch(tokenHash: string, at: string): Promise<void> {
    await this.pool.query('UPDATE console_sessions SET last_seen_at = $1 WHERE token_hash = $2', [at, tokenHash]);
  }

  async close(tokenHash: string): Promise<void> {
    await this.pool.query('DELETE FROM console_sessions WHERE token_hash = $1', [tokenHash]);
  }

  async closeStale(idleBefore: string, openedBefore: string): Promise<void> {
    await this.pool.query('DELETE FROM console_sessions WHERE last_seen_at < $1 OR created_at < $2', [idleBefore, openedBefore]);
  }

  async recordSignIn(record: SignInRecord): Promise<void> {
    await this.pool.query('INSERT INTO console_sign_ins (admin_name, outcome, at) VALUES ($1, $2, $3)', [record.adminName, record.outcome, record.at]);
  }

  async signIns(limit: number): Promise<SignInRecord[]> {
    const { rows } = await this.pool.query<SignInRecord>('SELECT admin_name AS "adminName", outcome, at FROM console_sign_ins ORDER BY id DESC LIMIT $1', [limit]);
    return rows;
  }
}
