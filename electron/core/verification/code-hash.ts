import { randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt at a modest cost (about 30 ms here): a stolen database cannot be searched through
 * all 10^6 codes before a code expires, and checking a code typed at the screen stays quick.
 */
const SCRYPT = { N: 1 << 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_BYTES = 32;

export function newSalt(): string {
  return randomBytes(16).toString('base64');
}

/** A uniformly random code of `length` digits, leading zeros allowed. */
export function newCode(length: number): string {
  return Array.from({ length }, () => String(randomInt(10))).join('');
}

export function hashCode(code: string, salt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    scrypt(code, Buffer.from(salt, 'base64'), KEY_BYTES, SCRYPT, (error, key) => (error ? reject(error) : resolve(key.toString('base64'))));
  });
}

export async function codeMatches(code: string, salt: string, expectedHash: string): Promise<boolean> {
  const actual = Buffer.from(await hashCode(code, salt), 'base64');
  const expected = Buffer.from(expectedHash, 'base64');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
