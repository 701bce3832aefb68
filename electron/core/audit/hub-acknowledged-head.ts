import type { Clock } from '../clock';
import type { Db } from '../db/open';
import type { AuditHead } from './audit-chain';

export interface AcknowledgedHead {
  head: AuditHead;
  at: string;
}

/**
 * The last audit head the hub acknowledged keeping, for `npm run audit -- verify` when the
 * hub cannot be asked. Whoever can write the database can change this row too, so a check
 * against it is weaker than one against the hub, and the CLI says which it made.
 */
export class HubAcknowledgedHead {
  private readonly readStmt;
  private readonly writeStmt;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.readStmt = db.prepare<[], { row_id: number; hash: string; acked_at: string }>('SELECT row_id, hash, acked_at FROM audit_head_ack');
    this.writeStmt = db.prepare(
      `INSERT INTO audit_head_ack (only_row, row_id, hash, acked_at) VALUES (1, ?, ?, ?)
       ON CONFLICT (only_row) DO UPDATE SET row_id = excluded.row_id, hash = excluded.hash, acked_at = excluded.acked_at`,
    );
  }

  get(): AcknowledgedHead | null {
    return readAcknowledgedHead(this.readStmt.get());
  }

  record(head: AuditHead): void {
    this.writeStmt.run(head.id, head.hash, this.clock.now().toISOString());
  }
}

/** From a database opened read-only and perhaps never migrated this far: no table, no head. */
export function acknowledgedHeadIn(db: Db): AcknowledgedHead | null {
  const table = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'audit_head_ack'").get();
  if (!table) return null;
  return readAcknowledgedHead(db.prepare<[], { row_id: number; hash: string; acked_at: string }>('SELECT row_id, hash, acked_at FROM audit_head_ack').get());
}

function readAcknowledgedHead(row: { row_id: number; hash: string; acked_at: string } | undefined): AcknowledgedHead | null {
  return row ? { head: { id: row.row_id, hash: row.hash }, at: row.acked_at } : null;
}
