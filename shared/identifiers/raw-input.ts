/**
 * Anything longer than this is refused before any regex or library sees it, so hostile
 * input (a 10,000-character paste, a stuck key) costs nothing to reject.
 */
export const MAX_RAW_LENGTH = 64;

export type IdentifierResult<Reason extends string> =
  | { ok: true; value: string }
  | { ok: false; reason: Reason };

/** The rules every identifier shares: a length cap on the raw text, then trim, then not empty. */
export function precheck(raw: string): { ok: true; text: string } | { ok: false; reason: 'empty' | 'too-long' } {
  if (raw.length > MAX_RAW_LENGTH) return { ok: false, reason: 'too-long' };
  const text = raw.trim();
  return text === '' ? { ok: false, reason: 'empty' } : { ok: true, text };
}
