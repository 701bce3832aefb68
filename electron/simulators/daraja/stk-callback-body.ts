import type { SimulatedResult, SimulatedTransaction } from './simulated-transaction';

interface CallbackItem {
  Name: string;
  Value?: number | string;
}

/**
 * Daraja's `Body.stkCallback` for a settled transaction. On success the metadata items are
 * rotated by `variant`, because integrators see them in varying order, and `Balance` comes
 * without a Value, as it does from Daraja. Failures carry no metadata.
 */
export function stkCallbackBody(transaction: SimulatedTransaction, result: SimulatedResult, variant: number) {
  const base = {
    MerchantRequestID: transaction.merchantRequestId,
    CheckoutRequestID: transaction.checkoutRequestId,
    ResultCode: result.resultCode,
    ResultDesc: result.resultDesc,
  };
  if (result.receiptNumber === undefined || result.transactionDate === undefined) return { Body: { stkCallback: base } };
  const items: CallbackItem[] = [
    { Name: 'Amount', Value: transaction.amount },
    { Name: 'MpesaReceiptNumber', Value: result.receiptNumber },
    { Name: 'Balance' },
    { Name: 'TransactionDate', Value: Number(result.transactionDate) },
    { Name: 'PhoneNumber', Value: Number(transaction.phone) },
  ];
  const shift = variant % items.length;
  const rotated = [...items.slice(shift), ...items.slice(0, shift)];
  return { Body: { stkCallback: { ...base, CallbackMetadata: { Item: rotated } } } };
}
