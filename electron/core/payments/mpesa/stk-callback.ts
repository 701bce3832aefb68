import { readStkCallback } from '@shared/mpesa/stk-callback';
import { MpesaMalformedCallbackError } from './mpesa-errors';
import { outcomeFromResult, type SettledStkOutcome } from './stk-outcome';

/** A Daraja STK callback, read: the push it answers and its final outcome. */
export interface StkCallbackResult {
  readonly merchantRequestId: string;
  readonly checkoutRequestId: string;
  readonly outcome: SettledStkOutcome;
}

/**
 * Reads a `Body.stkCallback` as Daraja posts it (and as the back office forwards it) into the
 * outcome the payment service acts on. Pure: deduplicating repeated callbacks is the payment
 * service's job.
 */
export function parseStkCallback(body: unknown): StkCallbackResult {
  const read = readStkCallback(body);
  if (!read.ok) throw new MpesaMalformedCallbackError(read.problems);
  const { callback } = read;
  return {
    merchantRequestId: callback.merchantRequestId,
    checkoutRequestId: callback.checkoutRequestId,
    outcome: outcomeFromResult(callback.resultCode, callback.resultDesc, callback.receipt),
  };
}
