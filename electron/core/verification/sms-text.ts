import type { Locale } from '@shared/result';

/** What a one-time code is for; it decides the words of the SMS and is kept in the audit trail. */
export type CodePurpose = 'lookup' | 'recovery.reset' | 'recovery.new-phone' | 'recovery.new-email';

const WHAT_FOR: Record<CodePurpose, Record<Locale, string>> = {
  'lookup': { en: 'to see your eCitizen account details', sw: 'kuona maelezo ya akaunti yako ya eCitizen' },
  'recovery.reset': { en: 'to recover your eCitizen account', sw: 'kurejesha akaunti yako ya eCitizen' },
  'recovery.new-phone': { en: 'to confirm this phone for your eCitizen account', sw: 'kuthibitisha simu hii kwa akaunti yako ya eCitizen' },
  'recovery.new-email': { en: 'to confirm this email address for your eCitizen account', sw: 'kuthibitisha anwani hii ya barua pepe kwa akaunti yako ya eCitizen' },
};

/** What a code is for, in words that fit after "your code is 123456,". */
export function codePurposeText(purpose: CodePurpose, locale: Locale): string {
  return WHAT_FOR[purpose][locale];
}

/** The SMS that carries a code, in the language of the visit. */
export function codeSmsText(purpose: CodePurpose, code: string, minutes: number, locale: Locale): string {
  const what = codePurposeText(purpose, locale);
  return locale === 'sw'
    ? `Kioski cha eCitizen: nambari yako ya uthibitisho ni ${code}, ${what}. Itakwisha baada ya dakika ${minutes}. Usimpe mtu yeyote.`
    : `eCitizen kiosk: your code is ${code}, ${what}. It expires in ${minutes} minutes. Never share it with anyone.`;
}
