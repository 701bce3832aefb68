import { BroadcastChannel } from 'node:worker_threads';
import type { Db } from '../db/open';
import { GENESIS_HASH, hashAuditRow, type AuditRow } from './audit-log';

export interface AuditHead {
  id: number;
  hash: string;
}

export type AuditChainCheck =
  | { intact: true; rows: number; head: AuditHead | null }
  | { intact: false; rows: number; firstBroken: { id: number; reason: 'content-changed' | 'link-broken' } };

/** A stretch of the chain found intact: its last row and how many rows it holds. */
export interface VerifiedPrefix {
  head: AuditHead;
  rows: number;
}

/**
 * Where a walk tells how many rows it has checked, every WALK_PROGRESS_EVERY rows: a channel
 * any thread of the process hears, since the walk runs on a worker thread the caller did not
 * start (`npm run audit -- verify` draws its progress bar from it). With no one listening a
 * message goes nowhere, one per 10,000 rows.
 */
export const AUDIT_WALK_CHANNEL = 'audit-chain-walk';
const WALK_PROGRESS_EVERY = 10_000;

/**
 * Walks the audit log from the first row, recomputing each hash. A row whose content was
 * edited no longer matches its hash; a row removed or inserted breaks the next row's link.
 * Removing rows from the very end leaves a shorter but consistent chain, which is why
 * every report and day close records the head it saw.
 *
 * Given a prefix verified before, it rechecks only that prefix's last row (still there,
 * same content) and walks the rows after it; if that row changed it walks the whole log to
 * name the first broken row. An edit further back is found by the next whole walk.
 */
export function verifyAuditChain(db: Db, from?: VerifiedPrefix): AuditChainCheck {
  if (from && !prefixHeadHolds(db, from.head)) return verifyAuditChain(db);
  let previous = from?.head.hash ?? GENESIS_HASH;
  let rows = from?.rows ?? 0;
  let head: AuditHead | null = from?.head ?? null;
  const progress = new BroadcastChannel(AUDIT_WALK_CHANNEL);
  try {
    for (const row of db.prepare<[number], AuditRow>('SELECT * FROM audit_log WHERE id > ? ORDER BY id').iterate(from?.head.id ?? 0)) {
      rows += 1;
      if (row.prev_hash !== previous) return { intact: false, rows, firstBroken: { id: row.id, reason: 'link-broken' } };
      if (hashAuditRow(row) !== row.hash) return { intact: false, rows, firstBroken: { id: row.id, reason: 'content-changed' } };
      previous = row.hash;
      head = { id: row.id, hash: row.hash };
      if (rows % WALK_PROGRESS_EVERY === 0) progress.postMessage(rows);
    }
    return { intact: true, rows, head };
  } finally {
    progress.close();
  }
}

function prefixHeadHolds(db: Db, head: AuditHead): boolean {
  const row = db.prepare<[number], AuditRow>('SELECT * FROM audit_log WHERE id = ?').get(head.id);
  return row !== undefined && row.hash === head.hash && hashAuditRow(row) === head.hash;
}

export function auditHead(db: Db): AuditHead | null {
  return db.prepare<[], AuditHead>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() ?? null;
}
