import type { KioskErrorPayload } from '@shared/result';

/** A refusal from the core, carrying its bilingual message to the screen. */
export class KioskCallError extends Error {
  constructor(readonly payload: KioskErrorPayload) {
    super(payload.code);
  }
}
