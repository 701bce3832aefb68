export type CardScheme = 'visa' | 'mastercard';

export interface CardChargeRequest {
  /** Whole shillings. */
  readonly amount: number;
  /** The bill or payment reference printed on the terminal slip. */
  readonly reference: string;
  /** One per payment attempt: asking again with it returns the first answer and never charges twice. */
  readonly idempotencyKey: string;
}

export type CardChargeResult =
  | { readonly approved: true; readonly approvalCode: string; readonly maskedPan: string; readonly scheme: CardScheme }
  | { readonly approved: false; readonly reason: 'declined' | 'timeout' | 'cancelled' };

/** The terminal's own record of the last charge it was given, as its "last transaction" query tells it. */
export type CardTransaction =
  | { readonly reference: string; readonly amount: number; readonly status: 'in-progress' }
  | { readonly reference: string; readonly amount: number; readonly status: 'done'; readonly result: CardChargeResult };

/**
 * The card terminal beside the kiosk. Real terminals are driven through their vendor's SDK
 * (and certified with it), so the real adapter is written when a terminal is chosen; until
 * then only the simulator implements this.
 */
export interface CardTerminal {
  charge(request: CardChargeRequest): Promise<CardChargeResult>;
  /**
   * What the terminal did with the last charge it was given (null: none since it started).
   * This is how a kiosk that lost a charge's answer (a crash, a time-out) learns how it
   * ended, without ever charging again.
   */
  lastTransaction(): Promise<CardTransaction | null>;
}

/** The same idempotency key came back with a different amount or reference: a programming fault. */
export class IdempotencyKeyReusedError extends Error {
  constructor(readonly idempotencyKey: string) {
    super(`idempotency key ${idempotencyKey} was already used for a different charge`);
    this.name = 'IdempotencyKeyReusedError';
  }
}
