import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../logger';
import type { MpesaGateway } from './mpesa/mpesa-gateway';
import { MpesaError } from './mpesa/mpesa-errors';
import type { StkOutcome } from './mpesa/stk-outcome';
import type { PaymentSettings } from '../settings/payment-settings';

export interface StkPollOptions {
  readonly checkoutRequestId: string;
  /** Handles each answer; returns true once the payment needs no more queries. */
  readonly onOutcome: (outcome: StkOutcome) => boolean;
  readonly signal: AbortSignal;
}

/**
 * Asks Daraja how a push ended until the payment settles or the overall limit passes:
 * waits grow from `firstQueryMs` by `backoffFactor` up to `maxQueryGapMs`. A failed query
 * (network, 5xx, time-out) is simply asked again at the next turn. Resolves with
 * `settled`, `limit` (no final answer in time) or `stopped` (the core is closing).
 * Real time, not the core's clock: this is about waiting, not about what time it is.
 */
export async function pollStk(gateway: MpesaGateway, settings: PaymentSettings, log: Logger, options: StkPollOptions): Promise<'settled' | 'limit' | 'stopped'> {
  const deadline = Date.now() + settings.resultLimitSeconds * 1000;
  let gap = settings.firstQueryMs;
  for (;;) {
    try {
      await sleep(Math.max(0, Math.min(gap, deadline - Date.now())), undefined, { signal: options.signal });
    } catch {
      return 'stopped';
    }
    try {
      if (options.onOutcome(await gateway.query(options.checkoutRequestId))) return 'settled';
    } catch (error) {
      if (!(error instanceof MpesaError)) throw error;
      log.warn({ kind: error.kind, err: error }, 'stk query failed; will ask again');
    }
    if (options.signal.aborted) return 'stopped';
    if (Date.now() >= deadline) return 'limit';
    gap = Math.min(gap * settings.backoffFactor, settings.maxQueryGapMs);
  }
}
