import type { StkCallbackResult } from './stk-callback';
import type { StkOutcome } from './stk-outcome';

export interface StkPushRequest {
  /** Whole shillings, at least 1. */
  readonly amount: number;
  /** The payer's Kenyan mobile in E.164 form: `+2547…` or `+2541…`. */
  readonly phone: string;
  /** Shown on the customer's prompt and statement; cleaned and cut to 12 characters. */
  readonly accountReference: string;
  /** Cleaned and cut to 13 characters. */
  readonly description: string;
  /**
   * Appended to the CallBackURL as one more path segment, so the back office files the
   * callback under the attempt it answers even when the kiosk never learnt its
   * CheckoutRequestID (killed, or timed out, between the push and its answer).
   */
  readonly callbackTag?: string;
}

/** Daraja took the push: a prompt is on its way. This is never "paid". */
export interface StkPushAccepted {
  readonly merchantRequestId: string;
  readonly checkoutRequestId: string;
}

/**
 * Lipa na M-Pesa Online (STK push) as the payment service sees it.
 *
 * How a push settles. Safaricom reports the result to the CallBackURL given in the push —
 * a public HTTPS address the kiosk does not have — so the callback goes to the back office,
 * which forwards it to the kiosk (`parseStkCallback` reads it). The kiosk also polls
 * `query`, which works without any public address, but Daraja's STK query answer carries
 * ResultCode and ResultDesc only, never the M-Pesa receipt number. This is how integrators
 * without a reachable callback URL work too: the query is authoritative for failure and
 * for "M-Pesa confirmed", the callback is the source of the receipt (Safaricom's Pull
 * Transactions API can recover receipts the callback missed; it is not used here).
 *
 * So a successful query yields `confirmed-awaiting-receipt`, and `paid` comes only with a
 * receipt number — from a forwarded callback, or, on the Daraja simulator only, from the
 * query answer itself (see its `MpesaReceiptNumber` extension), which lets the demo settle
 * with no back office at all.
 */
export interface MpesaGateway {
  push(request: StkPushRequest): Promise<StkPushAccepted>;
  query(checkoutRequestId: string): Promise<StkOutcome>;
  parseStkCallback(body: unknown): StkCallbackResult;
}
