import type { MaskedAccount } from '@shared/contract/lookup';
import { maskEmail, maskName, maskPhone } from '@shared/identifiers';
import type { MatchedAccount, MatchedCitizen } from './citizen-finder';

export function fullName(citizen: MatchedCitizen): string {
  return [citizen.firstName, citizen.middleName, citizen.lastName].filter(Boolean).join(' ');
}

/** How the replica stores a Kenyan mobile: E.164. */
const STORED_MOBILE = /^\+254([17][0-9]{8})$/;

/**
 * `maskPhone` without re-parsing the replica's own E.164 numbers (parsing costs more than
 * the whole indexed search); anything else still goes through `maskPhone`.
 */
export function maskStoredPhone(phone: string | null): string | null {
  const digits = phone ? STORED_MOBILE.exec(phone)?.[1] : undefined;
  if (digits) return `0${digits[0]}•• ••• ${digits.slice(-3)}`;
  return maskPhone(phone) || null;
}

/**
 * `maskName` for the plain ASCII names that fill the replica, without its Unicode
 * normalising and regexes (they cost more than the indexed search); any other name goes
 * through `maskName` itself. A property test holds the two equal on ASCII.
 */
export function maskStoredName(name: string): string {
  let masked = '';
  let initialTaken = false;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code > 127) return maskName(name);
    if (code === 32 || (code >= 9 && code <= 13)) initialTaken = false;
    else if (!initialTaken && ((code >= 65 && code <= 90) || (code >= 97 && code <= 122))) {
      masked += `${masked ? ' ' : ''}${name[i]}***`;
      initialTaken = true;
    }
  }
  return masked;
}

/** The unverified view of a match: initials, masked contacts, account types. */
export function maskedAccount(citizen: MatchedCitizen, accounts: readonly MatchedAccount[]): MaskedAccount {
  return {
    maskedName: maskStoredName(fullName(citizen)),
    accounts: accounts.map((account) => ({ type: account.type, status: account.status, maskedBusinessName: account.businessName ? maskStoredName(account.businessName) : null })),
    maskedPhone: maskStoredPhone(citizen.phone),
    maskedEmail: maskEmail(citizen.email) || null,
  };
}
