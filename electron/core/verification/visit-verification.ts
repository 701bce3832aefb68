import type { Visit } from '../visits/visits';

/** How the person at the screen proved who they are. */
export type VerificationMethod = 'otp' | 'in-person';

export interface VisitVerified {
  /** The replica's `citizens.id` of the person verified. */
  readonly citizenId: number;
  readonly method: VerificationMethod;
  readonly at: string;
}

// One slot for the whole kiosk, so every feature reads the same verified state.
const SLOT = Symbol('visit-verification');

/**
 * Records that this visit has proved it is `citizenId` (a code typed back from the registered
 * phone, or a clerk's in-person check). Held in the visit's slots, so it ends with the visit.
 * Callers write their own audit row for the verification, in their own transaction.
 */
export function markVisitVerified(visit: Visit, citizenId: number, method: VerificationMethod, at: Date): VisitVerified {
  const verified: VisitVerified = { citizenId, method, at: at.toISOString() };
  visit.slots.set(SLOT, verified);
  return verified;
}

/** Who this visit has proved to be, if anyone. */
export function visitVerification(visit: Visit): VisitVerified | undefined {
  return visit.slots.get(SLOT) as VisitVerified | undefined;
}

/** True when this visit has proved it is `citizenId`. */
export function isVisitVerifiedFor(visit: Visit, citizenId: number): boolean {
  return visitVerification(visit)?.citizenId === citizenId;
}
