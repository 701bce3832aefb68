import type { MaskedAccount } from '../../../shared/contract/lookup';
import { maskEmail, maskName, maskPhone } from '../../../shared/identifiers';
import type { MatchedAccount, MatchedCitizen } from './citizen-finder';

export function fullName(citizen: MatchedCitizen): string {
  return [citizen.firstName, citizen.middleName, citizen.lastName].filter(Boolean).join(' ');
}

/** The unverified view of a match: initials, masked contacts, account types. */
export function maskedAccount(citizen: MatchedCitizen, accounts: readonly MatchedAccount[]): MaskedAccount {
  return {
    maskedName: maskName(fullName(citizen)),
    accounts: accounts.map((account) => ({ type: account.type, status: account.status, maskedBusinessName: account.businessName ? maskName(account.businessName) : null })),
    maskedPhone: maskPhone(citizen.phone) || null,
    maskedEmail: maskEmail(citizen.email) || null,
  };
}
