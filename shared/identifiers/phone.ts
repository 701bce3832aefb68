import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { precheck, type IdentifierResult } from './raw-input';

export type PhoneReason = 'empty' | 'too-long' | 'bad-characters' | 'bad-format' | 'not-kenyan' | 'not-mobile';

/** What M-Pesa and SMS can reach: +254 then 7 or 1, then 8 more digits. */
const KENYAN_MOBILE_E164 = /^\+254[17][0-9]{8}$/;

/**
 * A Kenyan mobile number in any common form (0712 345 678, +254 712 345678, 254712345678,
 * 0112-345-678) as E.164: +254712345678. Letters are refused before libphonenumber sees
 * the text, because it would otherwise read them as keypad digits (1-800-FLOWERS).
 * The `max` metadata is used because only it knows mobile from fixed-line numbers.
 */
export function parseKenyanMobile(raw: string): IdentifierResult<PhoneReason> {
  const pre = precheck(raw);
  if (!pre.ok) return pre;
  if (!/^\+?[0-9 ().-]+$/.test(pre.text)) return { ok: false, reason: 'bad-characters' };
  const phone = parsePhoneNumberFromString(pre.text, 'KE');
  if (!phone) return { ok: false, reason: 'bad-format' };
  if (phone.countryCallingCode !== '254') return { ok: false, reason: 'not-kenyan' };
  if (!phone.isValid()) return { ok: false, reason: 'bad-format' };
  if (phone.getType() !== 'MOBILE' || !KENYAN_MOBILE_E164.test(phone.number)) {
    return { ok: false, reason: 'not-mobile' };
  }
  return { ok: true, value: phone.number };
}

/**
 * The MSISDN form Daraja wants (254712345678: no plus, no leading zero), from a number
 * `parseKenyanMobile` produced. Anything else is a programming error, so it throws.
 */
export function toMpesaMsisdn(e164: string): string {
  if (!KENYAN_MOBILE_E164.test(e164)) throw new RangeError('toMpesaMsisdn expects a Kenyan mobile in E.164 form');
  return e164.slice(1);
}
