import type { HubClient } from './hub-client';
import { MPESA_CALLBACK_IDS_MAX } from '@shared/sync/protocol';
import type { SyncStep } from './sync-loop';

/**
 * The payments' side of callback forwarding, so sync need not know payments: Safaricom
 * posts STK callbacks to the hub (the kiosk has no public address) and the kiosk fetches
 * the ones for its own pushes, and for its attempts in doubt by their reference.
 */
export interface MpesaCallbackInbox {
  /** Pushes still waiting for their result or receipt, and attempts in doubt. */
  awaited(): { checkoutRequestIds: string[]; attemptReferences: string[] };
  /** One callback body as Safaricom posted it; judging it is the payments' concern. */
  accept(body: unknown, attemptReference: string | null): Promise<unknown>;
  /** The hub answered and holds no callback at all for these attempts. */
  noRecordsFor(attemptReferences: readonly string[]): void;
}

/** One round: the hub's callbacks for every awaited push and attempt in doubt, handed to the payments. */
export function mpesaCallbackStep(inbox: MpesaCallbackInbox, client: HubClient): SyncStep {
  return async (signal) => {
    const { checkoutRequestIds, attemptReferences } = inbox.awaited();
    if (checkoutRequestIds.length + attemptReferences.length === 0) return 'idle';
    const recorded = new Set<string>();
    const pages = Math.max(Math.ceil(checkoutRequestIds.length / MPESA_CALLBACK_IDS_MAX), Math.ceil(attemptReferences.length / MPESA_CALLBACK_IDS_MAX));
    for (let page = 0; page < pages; page++) {
      const slice = (ids: string[]) => ids.slice(page * MPESA_CALLBACK_IDS_MAX, (page + 1) * MPESA_CALLBACK_IDS_MAX);
      const callbacks = await client.mpesaCallbacks({ checkoutRequestIds: slice(checkoutRequestIds), attemptReferences: slice(attemptReferences) }, signal);
      for (const { attemptReference, body } of callbacks) {
        if (attemptReference) recorded.add(attemptReference);
        await inbox.accept(body, attemptReference);
      }
    }
    inbox.noRecordsFor(attemptReferences.filter((reference) => !recorded.has(reference)));
    return 'done';
  };
}
