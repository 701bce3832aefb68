import { precheck, type IdentifierResult } from './raw-input';

export type KraPinReason = 'empty' | 'too-long' | 'bad-characters' | 'bad-format';

/** KRA PINs: A for individuals, P for companies and other non-individuals. */
export type KraPinHolder = 'individual' | 'non-individual';

/** A KRA PIN such as A012345678B, stored upper-case (characters checked before upper-casing). */
export function parseKraPin(raw: string): IdentifierResult<KraPinReason> {
  const pre = precheck(raw);
  if (!pre.ok) return pre;
  if (!/^[A-Za-z0-9]+$/.test(pre.text)) return { ok: false, reason: 'bad-characters' };
  const pin = pre.text.toUpperCase();
  if (!/^[AP][0-9]{9}[A-Z]$/.test(pin)) return { ok: false, reason: 'bad-format' };
  return { ok: true, value: pin };
}

/** Who holds a PIN that `parseKraPin` accepted. */
export function kraPinHolder(pin: string): KraPinHolder {
  return pin.startsWith('A') ? 'individual' : 'non-individual';
}
