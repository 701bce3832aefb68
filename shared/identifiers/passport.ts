import { precheck, type IdentifierResult } from './raw-input';

export type PassportReason = 'empty' | 'too-long' | 'too-short' | 'bad-characters';

/**
 * A passport number: 7 to 9 letters and digits, stored upper-case. The character check
 * runs before upper-casing because Unicode case mapping can turn a non-ASCII letter into
 * an ASCII one ('ſ' becomes 'S', 'ı' becomes 'I').
 */
export function parsePassportNumber(raw: string): IdentifierResult<PassportReason> {
  const pre = precheck(raw);
  if (!pre.ok) return pre;
  const text = pre.text;
  if (!/^[A-Za-z0-9]+$/.test(text)) return { ok: false, reason: 'bad-characters' };
  if (text.length > 9) return { ok: false, reason: 'too-long' };
  if (text.length < 7) return { ok: false, reason: 'too-short' };
  return { ok: true, value: text.toUpperCase() };
}
