import { precheck, type IdentifierResult } from './raw-input';

export type IdNumberReason = 'empty' | 'too-long' | 'too-short' | 'bad-characters';

const MAX_DIGITS = 9;
/**
 * Numbers run up to 9 digits and most have 7 or 8; those issued since the 1970s registration
 * drives reached a million long ago, and the oldest cardholders still about (registered in the
 * 1980s) carry 7 digits. 6 leaves a margin below that for a rare older number, while a 1–5 digit
 * entry is almost surely a slip of the finger: refused on screen, before it spends a search.
 */
const MIN_DIGITS = 6;

/**
 * A Kenyan national ID number: 6 to 9 ASCII digits. Spaces people type to group the
 * digits ("1234 5678") are removed; anything else that is not 0-9 is refused, including
 * Arabic-Indic ('١٢٣') and fullwidth ('１２３') digits that look the same on screen.
 */
export function parseIdNumber(raw: string): IdentifierResult<IdNumberReason> {
  const pre = precheck(raw);
  if (!pre.ok) return pre;
  const digits = pre.text.replaceAll(' ', '');
  if (!/^[0-9]+$/.test(digits)) return { ok: false, reason: 'bad-characters' };
  if (digits.length > MAX_DIGITS) return { ok: false, reason: 'too-long' };
  if (digits.length < MIN_DIGITS) return { ok: false, reason: 'too-short' };
  return { ok: true, value: digits };
}
