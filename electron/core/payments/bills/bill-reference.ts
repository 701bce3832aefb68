import { randomInt } from 'node:crypto';

/** Letters and digits that cannot be misread for one another (no I, O, 0, 1). */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * `KB-7F3K9Q2M`: a kiosk bill's reference. Eleven characters, so it fits M-Pesa's
 * AccountReference (12) whole and the citizen sees the same reference on the phone.
 */
export function newBillReference(): string {
  return `KB-${Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')}`;
}

/** `R-7F3K9Q2M`: the kiosk's own receipt number for a paid bill. */
export function newReceiptNumber(): string {
  return `R-${Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')}`;
}

/**
 * What a citizen types, in the form references are stored: upper case, and the hyphens of
 * the two known shapes put back (the on-screen keyboard has none), so `kb7f3k9q2m` and
 * `NTSA F 10000001` find `KB-7F3K9Q2M` and `NTSA-F-10000001`.
 */
export function normaliseReference(raw: string): string {
  const compact = raw.normalize('NFKC').toUpperCase().replace(/[\s-]+/g, '');
  const kiosk = /^KB([A-Z2-9]{8})$/.exec(compact);
  if (kiosk) return `KB-${kiosk[1]}`;
  const fine = /^NTSAF([0-9]+)$/.exec(compact);
  if (fine) return `NTSA-F-${fine[1]}`;
  return compact;
}
