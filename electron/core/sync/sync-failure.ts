/**
 * Why an exchange with the hub failed, and so how soon to try again. `unavailable`: the hub
 * could not be reached or was overloaded (network error, timeout, 5xx, 429), so back off
 * exponentially. `refused`: the hub answered but will not take this (other 4xx, an answer
 * outside the protocol); retrying soon cannot help, so wait the longest interval.
 */
export type SyncFailureKind = 'unavailable' | 'refused';

export class SyncFailure extends Error {
  constructor(
    readonly kind: SyncFailureKind,
    message: string,
    /** The hub's Retry-After, when it gave one. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'SyncFailure';
  }
}
