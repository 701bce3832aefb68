import { createHmac } from 'node:crypto';

/**
 * Logs and the audit trail name people only by a keyed hash of their identifier, so the
 * same ID number can be counted (rate limits, lockouts) without ever being stored in clear.
 * The key is per kiosk, so a hash cannot be reversed by hashing every possible ID number
 * unless the kiosk's database is also taken.
 */
export type IdentifierHasher = (kind: string, value: string) => string;

export function identifierHasher(key: string): IdentifierHasher {
  return (kind, value) => createHmac('sha256', key).update(`${kind}:${value}`).digest('base64url').slice(0, 22);
}
