import type { ValidPush } from './request-validation';

/** One STK push as the simulated M-Pesa sees it, and how the customer answered. */
export interface SimulatedResult {
  readonly resultCode: number;
  readonly resultDesc: string;
  /** Only on success, with its TransactionDate. */
  readonly receiptNumber?: string;
  readonly transactionDate?: string;
  readonly settledAt: string;
}

export interface SimulatedTransaction extends ValidPush {
  readonly merchantRequestId: string;
  readonly checkoutRequestId: string;
  readonly scenario: string;
  readonly createdAt: string;
  result?: SimulatedResult;
  callbacksDelivered: number;
  readonly callbackFailures: string[];
}
