import type { Db } from '@shared/node/sqlite/open-sqlite';
import type { ConsoleAdmin, ConsoleSession, SignInRecord } from '../console-store';

/** The console's admins, their sessions and their sign-ins. */
export class ConsoleAccounts {
  private readonly addStmt;
  private readonly findStmt;
  private readonly failStmt;
  private readonly clearFailuresStmt;
  private readonly openStmt;
  private readonly sessionStmt;
  private readonly touchStmt;
  private readonly closeStmt;
  private readonly staleStmt;
  private readonly signInStmt;
  private readonly signInsStmt;

  constructor(private readonly db: Db) {
    this.addStmt = db.prepare('INSERT OR IGNORE INTO console_admins (name, password_hash, created_at) VALUES (?, ?, ?)');
    this.findStmt = db.prepare<[string], ConsoleAdmin>(
      'SELECT name, password_hash AS passwordHash, failed_sign_ins AS failedSignIns, locked_until AS lockedUntil FROM console_admins WHERE name = ?',
    );
    this.failStmt = db.prepare(
      `UPDATE console_admins SET failed_sign_ins = failed_sign_ins + 1,
         locked_until = CASE WHEN failed_sign_ins + 1 >= @lockAfter THEN @lockedUntil ELSE locked_until END
       WHERE name = @name`,
    );
    this.clearFailuresStmt = db.prepare('UPDATE console_admins SET failed_sign_ins = 0, locked_until = NULL WHERE name = ?');
    this.openStmt = db.prepare('INSERT INTO console_sessions (token_hash, admin_name, created_at, last_seen_at) VALUES (?, ?, ?, ?)');
    this.sessionStmt = db.prepare<[string], ConsoleSession>(
      'SELECT admin_name AS adminName, created_at AS createdAt, last_seen_at AS lastSeenAt FROM console_sessions WHERE token_hash = ?',
    );
    this.touchStmt = db.prepare('UPDATE console_sessions SET last_seen_at = ? WHERE token_hash = ?');
    this.closeStmt = db.prepare('DELETE FROM console_sessions WHERE token_hash = ?');
    this.staleStmt = db.prepare('DELETE FROM console_sessions WHERE last_seen_at < ? OR created_at < ?');
    this.signInStmt = db.prepare('INSERT INTO console_sign_ins (admin_name, outcome, at) VALUES (@adminName, @outcome, @at)');
    this.signInsStmt = db.prepare<[number], SignInRecord>('SELECT admin_name AS adminName, outcome, at FROM console_sign_ins ORDER BY id DESC LIMIT ?');
  }

  add(name: string, passwordHash: string, at: string): boolean {
    return this.addStmt.run(name, passwordHash, at).changes === 1;
  }

  find(name: string): ConsoleAdmin | undefined {
    return this.findStmt.get(name);
  }

  fail(name: string, lockAfter: number, lockedUntil: string): void {
    this.failStmt.run({ name, lockAfter, lockedUntil });
  }

  openSession(tokenHash: string, adminName: string, at: string): void {
    this.db.transaction(() => {
      this.clearFailuresStmt.run(adminName);
      this.openStmt.run(tokenHash, adminName, at, at);
    })();
  }

  session(tokenHash: string): ConsoleSession | undefined {
    return this.sessionStmt.get(tokenHash);
  }

  touch(tokenHash: string, at: string): void {
    this.touchStmt.run(at, tokenHash);
  }

  close(tokenHash: string): void {
    this.closeStmt.run(tokenHash);
  }

  closeStale(idleBefore: string, openedBefore: string): void {
    this.staleStmt.run(idleBefore, openedBefore);
  }

  recordSignIn(record: SignInRecord): void {
    this.signInStmt.run(record);
  }

  signIns(limit: number): SignInRecord[] {
    return this.signInsStmt.all(limit);
  }
}
