import type { PaymentEvent } from './payment-state';
import type { StkOutcome } from './mpesa/stk-outcome';

/** An STK outcome (from a query or a callback) as a payment event; `pending` is none. */
export function eventFromStkOutcome(outcome: StkOutcome): PaymentEvent | undefined {
  switch (outcome.state) {
    case 'pending':
      return undefined;
    case 'paid':
      return { type: 'receipt', providerReference: outcome.receipt.receiptNumber };
    case 'confirmed-awaiting-receipt':
      return { type: 'confirmed' };
    case 'failed': {
      const as = outcome.resultCode === 1032 ? 'cancelled' : outcome.resultCode === 1019 ? 'expired' : 'failed';
      return { type: 'declined', as, resultCode: outcome.resultCode, reason: outcome.resultDesc };
    }
  }
}
