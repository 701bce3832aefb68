export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/**
 * Capped exponential back-off with jitter: after the n-th failure in a row, wait between
 * half and all of min(max, base·2ⁿ⁻¹), so kiosks that lost the hub together do not all
 * return at the same instant.
 */
export function backoffDelay(failures: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
  return ceiling / 2 + (random() * ceiling) / 2;
}
