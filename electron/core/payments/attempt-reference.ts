import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a citizen reading it off a phone cannot confuse letters. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_CHARACTERS = 10;

/**
 * A reference unique to one payment attempt, `NT` and ten random characters: 12 in all,
 * which is everything M-Pesa keeps of an AccountReference, so the provider's records, its
 * callback and the kiosk's row all carry it whole (a bill reference would be cut, and two
 * fines would look the same). Fifty random bits: not guessable, not repeated in practice
 * (the payments table refuses a repeat anyway).
 */
export function newAttemptReference(): string {
  const bytes = randomBytes(RANDOM_CHARACTERS);
  let text = 'NT';
  for (const byte of bytes) text += ALPHABET[byte & 31];
  return text;
}

export const ATTEMPT_REFERENCE_PATTERN = /^NT[0-9A-HJKMNP-TV-Z]{10}$/;
