import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh kiosk token: shown once by the admin command, stored only as its hash. */
export function newKioskToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are 256 random bits, so a plain SHA-256 is enough: there is nothing to brute-force. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sameToken(given: string, expected: string): boolean {
  return timingSafeEqual(Buffer.from(hashToken(given), 'hex'), Buffer.from(hashToken(expected), 'hex'));
}

/** The token of an `Authorization: Bearer <token>` header, if that is what it is. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header ?? '');
  return match?.[1];
}
