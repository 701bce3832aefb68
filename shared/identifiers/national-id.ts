import { precheck, type IdentifierResult } from './raw-input';

export type IdNumberReason = 'empty' | 'too-long' | 'bad-characters';

const MAX_DIGITS = 9;

/**
 * A Kenyan national ID number: 1 to 9 ASCII digits. Spaces people type to group the
 * digits ("1234 5678") are removed; anything else that is not 0-9 is refused, including
 * Arabic-Indic ('١٢٣') and fullwidth ('１２３') digits that look the same on screen.
 */
export function parseIdNumber(raw: string): IdentifierResult<IdNumberReason> {
  const pre = precheck(raw);
  if (!pre.ok) return pre;
  const digits = pre.text.replaceAll(' ', '');
  if (!/^[0-9]+$/.test(digits)) return { ok: false, reason: 'bad-characters' };
  if (digits.length > MAX_DIGITS) return { ok: false, reason: 'too-long' };
  return { ok: true, value: digits };
}
