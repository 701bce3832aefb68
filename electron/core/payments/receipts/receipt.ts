import type { PaymentMethod } from '@shared/contract/payments';

export interface ReceiptLine {
  readonly description: string;
  /** Whole shillings. */
  readonly amount: number;
}

/** A paid bill as the citizen takes it away: printed, as PDF, and signed in its QR code. */
export interface Receipt {
  readonly kioskId: string;
  readonly receiptNumber: string;
  readonly billReference: string;
  readonly lines: readonly ReceiptLine[];
  /** Whole shillings. */
  readonly total: number;
  readonly method: PaymentMethod;
  /** Who vouches for the money: the M-Pesa receipt number, the card approval code, or the clerk who took the cash. */
  readonly providerReference: string;
  /** ISO 8601 instant. */
  readonly paidAt: string;
}
