import type { BillView, PaymentView, ProviderMethod } from '@shared/contract/payments';
import type { Bill } from './bills/bill-store';
import { paymentOutcome } from './payment-outcomes';
import type { PaymentRow, PaymentStore } from './payment-store';

export function billView(bill: Bill, store: PaymentStore, methods: readonly ProviderMethod[], dayClosed: boolean): BillView {
  return {
    id: bill.id,
    reference: bill.reference,
    kind: bill.kind,
    lines: bill.lines.map((line) => ({ description: { ...line.description }, amount: line.amount })),
    total: bill.total,
    status: bill.status,
    paymentInProgressId: store.inFlightFor(bill.id)?.id ?? null,
    paidPaymentId: store.paidFor(bill.id)?.id ?? null,
    methods: dayClosed ? [] : [...methods],
    dayClosed,
  };
}

/** A payment as the screen shows it; the phone only masked, and only during the visit that paid. */
export function paymentView(payment: PaymentRow, billReference: string, maskedPhone: string | undefined): PaymentView {
  return {
    id: payment.id,
    billId: payment.bill_id,
    billReference,
    method: payment.method,
    state: payment.state,
    amount: payment.amount,
    confirmed: payment.confirmed_at !== null,
    maskedPhone: maskedPhone ?? null,
    tendered: payment.tendered,
    change: payment.change_given,
    receiptNumber: payment.receipt_number,
    outcome: paymentOutcome(payment),
  };
}
