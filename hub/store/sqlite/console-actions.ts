import type { ConsoleActionRecord } from '@shared/console/console-api';
import type { Db } from '@shared/node/sqlite/open-sqlite';

/** What admins did in the console (console_actions), kept as the sign-ins are. */
export class ConsoleActions {
  private readonly recordStmt;
  private readonly allStmt;
  private readonly centreStmt;

  constructor(db: Db) {
    const columns = 'admin_name AS adminName, action, target, centre_id AS centreId, outcome, at';
    this.recordStmt = db.prepare('INSERT INTO console_actions (admin_name, action, target, centre_id, outcome, at) VALUES (@adminName, @action, @target, @centreId, @outcome, @at)');
    this.allStmt = db.prepare<[number], ConsoleActionRecord>(`SELECT ${columns} FROM console_actions ORDER BY id DESC LIMIT ?`);
    this.centreStmt = db.prepare<[string, number], ConsoleActionRecord>(`SELECT ${columns} FROM console_actions WHERE centre_id = ? ORDER BY id DESC LIMIT ?`);
  }

  record(record: ConsoleActionRecord): void {
    this.recordStmt.run(record);
  }

  list(limit: number, centreId?: string): ConsoleActionRecord[] {
    return centreId === undefined ? this.allStmt.all(limit) : this.centreStmt.all(centreId, limit);
  }
}
