import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '@shared/node/logging/logger';
import type { MpesaGateway } from './mpesa/mpesa-gateway';
import { MpesaError } from './mpesa/mpesa-errors';
import type { StkOutcome } from './mpesa/stk-outcome';
import type { PaymentSettings } from '../settings/payment-settings';

export interface StkPollOptions {
  readonly checkoutRequestId: string;
  /** Handles each answer; returns true once the payment needs no more queries. */
  readonly onOutcome: (outcome: StkOutcome) => boolean;
  readonly signal: AbortSignal;
  /** When to stop asking (epoch ms): counted from the push, so a restart does not extend it. */
  readonly deadline: number;
}

/**
 * Asks Daraja how a push ended until the payment settles or the overall limit passes:
 * waits grow from `firstQueryMs` by `backoffFactor` up to `maxQueryGapMs`. A failed query
 * (network, 5xx, time-out) is simply asked again at the next turn. Resolves with
 * `settled`, `limit` (Daraja answered, but nothing final in time), `unreachable` (Daraja
 * never answered a query in time) or `stopped` (the core is closing).
 */
export async function pollStk(gateway: MpesaGateway, settings: PaymentSettings, log: Logger, options: StkPollOptions): Promise<'settled' | 'limit' | 'unreachable' | 'stopped'> {
  const { deadline } = options;
  let gap = settings.firstQueryMs;
  let answered = false;
  for (;;) {
    try {
      await sleep(Math.max(0, Math.min(gap, deadline - Date.now())), undefined, { signal: options.signal });
    } catch {
      return 'stopped';
    }
    try {
      const outcome = await gateway.query(options.checkoutRequestId);
      answered = true;
      if (options.onOutcome(outcome)) return 'settled';
    } catch (error) {
      if (!(error instanceof MpesaError)) throw error;
      log.warn({ kind: error.kind, err: error }, 'stk query failed; will ask again');
    }
    if (options.signal.aborted) return 'stopped';
    if (Date.now() >= deadline) return answered ? 'limit' : 'unreachable';
    gap = Math.min(gap * settings.backoffFactor, settings.maxQueryGapMs);
  }
}
