import type { HubClient } from './hub-client';
import type { OutboxQueue } from './outbox-queue';
import { SyncFailure } from './sync-failure';
import type { SyncStep } from './sync-loop';

/**
 * One upload round: the oldest pending batch to the hub, its verdicts back into the outbox.
 * A rejected event is settled like any other, so it never holds back the ones after it.
 */
export function uploadStep(queue: OutboxQueue, client: HubClient, limits: { maxEvents: number; maxBytes: number }): SyncStep {
  return async (signal) => {
    const batch = queue.nextBatch(limits.maxEvents, limits.maxBytes);
    if (batch.length === 0) return 'idle';
    const answer = await client.upload({ events: batch }, signal);
    if (!('error' in answer)) {
      queue.settle(batch, answer);
      return 'more';
    }
    if (answer.error === 'gap' && queue.resendAfter(answer.appliedThrough) > 0) return 'more';
    // A gap with nothing to resend: an older event has not committed yet, or is lost.
    const first = batch[0]?.seq ?? 0;
    throw new SyncFailure(
      answer.error === 'gap' ? 'unavailable' : 'refused',
      answer.error === 'gap'
        ? `the hub has events only through ${answer.appliedThrough} and this kiosk's next is ${first}`
        : `the hub holds different events under this kiosk's numbers (through ${answer.appliedThrough}): ask an administrator`,
    );
  };
}
