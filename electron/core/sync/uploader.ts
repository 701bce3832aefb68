import { auditHead } from '../audit/audit-chain';
import type { HubAcknowledgedHead } from '../audit/hub-acknowledged-head';
import type { Db } from '../db/open';
import type { OffThreadSync } from '../db/off-thread-sync';
import type { HubClient } from './hub-client';
import type { OutboxQueue } from './outbox-queue';
import type { UploadConflict } from '@shared/sync/protocol';
import { SyncFailure } from './sync-failure';
import type { SyncStep } from './sync-loop';

/** The kiosk's audit head as it stands, and the last one the hub acknowledged. */
export interface AuditHeadSource {
  db: Db;
  acknowledged: HubAcknowledgedHead;
}

/**
 * One upload round: the oldest pending batch to the hub, its verdicts back into the outbox.
 * A rejected event is settled like any other, so it never holds back the ones after it.
 * Every upload carries the audit log's head, and a new head goes up even with no event
 * waiting, so the hub holds the log's state as soon as possible; the head the hub echoes is
 * recorded as acknowledged. Nothing goes up before the commits synced off the answering thread
 * are on disk; the hub's answer is written without a sync of its own (the next one carries it):
 * lost to a power cut, the events and the head are simply sent again (the hub keeps each once).
 */
export function uploadStep(
  queue: OutboxQueue,
  client: HubClient,
  limits: { maxEvents: number; maxBytes: number },
  audit: AuditHeadSource,
  commits: Pick<OffThreadSync, 'commitWithoutSync' | 'synced'>,
): SyncStep {
  return async (signal) => {
    const batch = queue.nextBatch(limits.maxEvents, limits.maxBytes);
    const head = auditHead(audit.db) ?? undefined;
    const acked = audit.acknowledged.get()?.head;
    const headIsNew = head !== undefined && (head.id !== acked?.id || head.hash !== acked.hash);
    if (batch.length === 0 && !headIsNew) return 'idle';
    // What the hub holds must survive a power cut here: a head it holds and this log then lost would read as a rewrite.
    await commits.synced();
    const answer = await client.upload({ events: batch, ...(head ? { auditHead: head } : {}) }, signal);
    if (!('error' in answer)) {
      commits.commitWithoutSync(() => {
        queue.settle(batch, answer);
        if (answer.auditHead && head && answer.auditHead.id === head.id && answer.auditHead.hash === head.hash) audit.acknowledged.record(head);
      });
      // A hub that does not echo heads must not be sent the same head again at once.
      return batch.length > 0 ? 'more' : 'done';
    }
    if (answer.error === 'gap' && queue.resendAfter(answer.appliedThrough) > 0) return 'more';
    throw refusal(answer, batch[0]?.seq ?? 0, head?.id ?? 0);
  };
}

function refusal(answer: UploadConflict, firstSeq: number, headId: number): SyncFailure {
  switch (answer.error) {
    // A gap with nothing to resend: an older event has not committed yet, or is lost.
    case 'gap':
      return new SyncFailure('unavailable', `the hub has events only through ${answer.appliedThrough} and this kiosk's next is ${firstSeq}`);
    case 'history-mismatch':
      return new SyncFailure('refused', `the hub holds different events under this kiosk's numbers (through ${answer.appliedThrough}): ask an administrator`);
    case 'audit-head-conflict':
      return new SyncFailure(
        'refused',
        `the hub holds this kiosk's audit log up to row ${answer.auditHead?.id ?? '?'}, which this log (head row ${headId}) does not match: it went back or was rewritten; run npm run audit -- verify and ask an administrator`,
      );
  }
}
