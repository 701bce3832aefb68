import type { HubClient } from './hub-client';
import { MPESA_CALLBACK_IDS_MAX } from './protocol';
import type { SyncStep } from './sync-loop';

/**
 * The payments' side of callback forwarding, so sync need not know payments: Safaricom
 * posts STK callbacks to the hub (the kiosk has no public address) and the kiosk fetches
 * the ones for its own pushes.
 */
export interface MpesaCallbackInbox {
  /** CheckoutRequestIDs of pushes still waiting for their result or their receipt. */
  awaited(): string[];
  /** One callback body as Safaricom posted it; repeats and late ones are the payments' concern. */
  accept(body: unknown): void;
}

/** One round: the hub's callbacks for every awaited push, handed to the payments. */
export function mpesaCallbackStep(inbox: MpesaCallbackInbox, client: HubClient): SyncStep {
  return async (signal) => {
    const awaited = inbox.awaited();
    if (awaited.length === 0) return 'idle';
    for (let start = 0; start < awaited.length; start += MPESA_CALLBACK_IDS_MAX) {
      const callbacks = await client.mpesaCallbacks(awaited.slice(start, start + MPESA_CALLBACK_IDS_MAX), signal);
      for (const body of callbacks) inbox.accept(body);
    }
    return 'done';
  };
}
