/** Which Daraja call failed. */
export type MpesaOperation = 'oauth' | 'push' | 'query';

/** Everything the M-Pesa adapter throws; callers switch on `kind`. */
export abstract class MpesaError extends Error {
  abstract readonly kind: 'invalid-request' | 'unavailable' | 'timeout' | 'rejected' | 'malformed-callback';
}

/** The kiosk's own input cannot make a valid Daraja request (e.g. amount 0). Nothing was sent. */
export class MpesaInvalidRequestError extends MpesaError {
  readonly kind = 'invalid-request';

  constructor(readonly field: 'amount' | 'phone' | 'accountReference' | 'description', detail: string) {
    super(`M-Pesa request: ${field} ${detail}`);
    this.name = 'MpesaInvalidRequestError';
  }
}

/**
 * Daraja could not be reached, failed (5xx), throttled us (429), or answered something
 * unreadable. The same request may be tried again later.
 */
export class MpesaUnavailableError extends MpesaError {
  readonly kind = 'unavailable';

  constructor(
    readonly operation: MpesaOperation,
    readonly reason: 'network' | 'server-error' | 'rate-limited' | 'unreadable-answer',
    detail: string,
    readonly httpStatus?: number,
    readonly errorCode?: string,
    /** For network failures: Node's code for why (`ECONNREFUSED`, `ECONNRESET`, …). */
    readonly networkCode?: string,
  ) {
    super(`M-Pesa ${operation} unavailable (${reason}): ${detail}`);
    this.name = 'MpesaUnavailableError';
  }
}

/** Connection failures that happen before a single byte of the request leaves the kiosk. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/**
 * Whether a failed push may still have reached Daraja, and so may still put a prompt on the
 * phone and take money: a time-out or a connection lost mid-exchange may; a refused
 * connection, an unknown host or an answer from Daraja saying no may not.
 */
export function pushMayHaveArrived(error: MpesaError): boolean {
  if (error.kind === 'timeout') return true;
  if (error instanceof MpesaUnavailableError && error.reason === 'network') return !NEVER_SENT.has(error.networkCode ?? '');
  return false;
}

/**
 * No answer within the configured time. For a push this means the outcome is UNKNOWN: the
 * prompt may still reach the phone, and without a CheckoutRequestID the kiosk cannot query
 * it, so the payment service must not simply push again for the same attempt.
 */
export class MpesaTimeoutError extends MpesaError {
  readonly kind = 'timeout';

  constructor(
    readonly operation: MpesaOperation,
    readonly timeoutMs: number,
  ) {
    super(`M-Pesa ${operation} got no answer within ${timeoutMs} ms`);
    this.name = 'MpesaTimeoutError';
  }
}

/**
 * Daraja refused the request (a 4xx, or wrong credentials). Repeating it unchanged will
 * fail again: it is a configuration or programming fault, not a customer's answer.
 */
export class MpesaRejectedError extends MpesaError {
  readonly kind = 'rejected';

  constructor(
    readonly operation: MpesaOperation,
    readonly httpStatus: number,
    readonly errorCode: string,
    readonly errorMessage: string,
  ) {
    super(`M-Pesa ${operation} rejected (${httpStatus} ${errorCode}): ${errorMessage}`);
    this.name = 'MpesaRejectedError';
  }
}

/** A forwarded body that is not a Daraja STK callback. */
export class MpesaMalformedCallbackError extends MpesaError {
  readonly kind = 'malformed-callback';

  constructor(detail: string) {
    super(`Not an STK callback: ${detail}`);
    this.name = 'MpesaMalformedCallbackError';
  }
}
