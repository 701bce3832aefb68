/** An M-Pesa payment as reconciliation sees it. */
export interface MpesaPaymentRecord {
  paymentId: string;
  state: string;
  amount: number;
  /** The M-Pesa receipt number, once known. */
  receipt: string | null;
  /** Set when M-Pesa answered ResultCode 0 (paid), even before the receipt number arrived. */
  confirmedAt: string | null;
}

export type ReconciliationExceptionKind = 'paid-without-receipt' | 'receipt-matched-twice' | 'receipt-on-unpaid' | 'refund-due';

export interface ReconciliationException {
  kind: ReconciliationExceptionKind;
  paymentId: string;
  receipt: string | null;
  amount: number;
}

const MONEY_KEPT = new Set(['paid', 'refund_due']);

/**
 * Every M-Pesa payment the kiosk counts as money received must be matched by exactly one
 * receipt number. Lists what is not: paid with no receipt, a receipt on more than one
 * payment, a receipt on a payment not counted as paid (money in, nothing delivered), and
 * money due back to the citizen.
 */
export function reconcileMpesa(payments: readonly MpesaPaymentRecord[]): ReconciliationException[] {
  const byReceipt = new Map<string, MpesaPaymentRecord[]>();
  for (const payment of payments) {
    if (payment.receipt === null) continue;
    const key = payment.receipt.trim().toUpperCase();
    byReceipt.set(key, [...(byReceipt.get(key) ?? []), payment]);
  }
  const exceptions: ReconciliationException[] = [];
  for (const payment of payments) {
    const exception = (kind: ReconciliationExceptionKind) =>
      exceptions.push({ kind, paymentId: payment.paymentId, receipt: payment.receipt, amount: payment.amount });
    const paid = MONEY_KEPT.has(payment.state) || payment.confirmedAt !== null;
    if (paid && payment.receipt === null) exception('paid-without-receipt');
    if (payment.receipt !== null) {
      if ((byReceipt.get(payment.receipt.trim().toUpperCase())?.length ?? 0) > 1) exception('receipt-matched-twice');
      if (!MONEY_KEPT.has(payment.state)) exception('receipt-on-unpaid');
    }
    if (payment.state === 'refund_due') exception('refund-due');
  }
  return exceptions;
}
