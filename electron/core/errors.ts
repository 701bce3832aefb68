import { errorPayload, type ErrorCode } from '@shared/errors';
import type { KioskErrorPayload } from '@shared/result';

/**
 * A refusal the citizen should see: thrown by a handler, turned into a typed error result
 * by the dispatcher. Throw it before writing anything, or inside the transaction that
 * would have written, so a refused call changes nothing.
 */
export class KioskError extends Error {
  readonly payload: KioskErrorPayload;

  constructor(code: ErrorCode, options: { field?: string; params?: Record<string, string | number> } = {}) {
    super(code);
    this.name = 'KioskError';
    this.payload = errorPayload(code, options);
  }
}
