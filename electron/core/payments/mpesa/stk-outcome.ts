import type { MpesaReceipt } from '@shared/mpesa/stk-callback';


/**
 * Where one STK push stands, from a query or a callback.
 *
 * `paid` always carries a receipt number: no payment is marked paid without one. M-Pesa can
 * report success (ResultCode 0) without telling us the receipt number — Daraja's STK query
 * never does — and that is `confirmed-awaiting-receipt`: the money has moved, the citizen may
 * be told so, and the payment settles when the receipt arrives (a forwarded callback).
 */
export type StkOutcome =
  | { readonly state: 'pending' }
  | { readonly state: 'paid'; readonly receipt: MpesaReceipt }
  | { readonly state: 'confirmed-awaiting-receipt'; readonly resultDesc: string }
  | { readonly state: 'failed'; readonly resultCode: number; readonly resultDesc: string };

/** A push's final outcome: everything but `pending`. */
export type SettledStkOutcome = Exclude<StkOutcome, { state: 'pending' }>;

/** Daraja's final answer for a push (ResultCode and ResultDesc), with the receipt if one is known. */
export function outcomeFromResult(resultCode: number, resultDesc: string, receipt: MpesaReceipt | undefined): SettledStkOutcome {
  if (resultCode !== 0) return { state: 'failed', resultCode, resultDesc };
  return receipt ? { state: 'paid', receipt } : { state: 'confirmed-awaiting-receipt', resultDesc };
}
