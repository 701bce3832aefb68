import { createHmac, randomBytes } from 'node:crypto';

/**
 * A centre's staff badges are known to the hub and to every kiosk of the centre only as a
 * keyed hash: the key is the centre's own (made with the centre, sent to its kiosks with
 * their staff), so a scanned badge finds the same account on each of them, and a list of
 * hashes read off one centre says nothing without that centre's key. The same form as the
 * kiosk's own identifier hashes (`kind:value`, 22 base64url characters).
 */
export function centreBadgeHash(badgeKey: string, badgeCode: string): string {
  return createHmac('sha256', badgeKey).update(`staff-badge:${badgeCode}`).digest('base64url').slice(0, 22);
}

export function newCentreBadgeKey(): string {
  return randomBytes(32).toString('base64url');
}
