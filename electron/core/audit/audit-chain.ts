import type { Db } from '../db/open';
import { GENESIS_HASH, hashAuditRow, type AuditRow } from './audit-log';

export interface AuditHead {
  id: number;
  hash: string;
}

export type AuditChainCheck =
  | { intact: true; rows: number; head: AuditHead | null }
  | { intact: false; rows: number; firstBroken: { id: number; reason: 'content-changed' | 'link-broken' } };

/**
 * Walks the audit log from the first row, recomputing each hash. A row whose content was
 * edited no longer matches its hash; a row removed or inserted breaks the next row's link.
 * Removing rows from the very end leaves a shorter but consistent chain, which is why
 * every report and day close records the head it saw.
 */
export function verifyAuditChain(db: Db): AuditChainCheck {
  let previous = GENESIS_HASH;
  let rows = 0;
  let head: AuditHead | null = null;
  for (const row of db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY id').iterate()) {
    rows += 1;
    if (row.prev_hash !== previous) return { intact: false, rows, firstBroken: { id: row.id, reason: 'link-broken' } };
    if (hashAuditRow(row) !== row.hash) return { intact: false, rows, firstBroken: { id: row.id, reason: 'content-changed' } };
    previous = row.hash;
    head = { id: row.id, hash: row.hash };
  }
  return { intact: true, rows, head };
}

export function auditHead(db: Db): AuditHead | null {
  return db.prepare<[], AuditHead>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() ?? null;
}
