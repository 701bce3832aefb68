import type { Db } from '../db/open';
import type { AuditHead } from './audit-chain';

export type HeadCheck<H extends AuditHead = AuditHead> =
  | { matches: true; heads: number }
  | {
      matches: false;
      /** The first head held elsewhere that this log no longer agrees with. */
      head: H;
      /** This log's hash at that row, or null when the row is gone. */
      localHash: string | null;
      /** The row after the last head that still agreed: the change lies from here to `head.id`. */
      changedFrom: number;
    };

/**
 * Compares the log with heads kept outside it (by the hub). A hash chain recomputed after an
 * edit verifies on its own, but each row from the edit on gets a new hash: the first kept
 * head at or after the edited row no longer matches. Rows removed from the end show as a
 * missing row. Run it after the chain walk, which proves each stored hash is the row's own.
 */
export function checkAgainstHeads<H extends AuditHead>(db: Db, heads: readonly H[]): HeadCheck<H> {
  const hashAt = db.prepare<[number], { hash: string }>('SELECT hash FROM audit_log WHERE id = ?');
  let changedFrom = 1;
  for (const head of [...heads].sort((a, b) => a.id - b.id)) {
    const localHash = hashAt.get(head.id)?.hash ?? null;
    if (localHash !== head.hash) return { matches: false, head, localHash, changedFrom };
    changedFrom = head.id + 1;
  }
  return { matches: true, heads: heads.length };
}
