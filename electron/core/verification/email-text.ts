import type { Locale } from '@shared/result';
import { codePurposeText, type CodePurpose } from './sms-text';

/** The email that carries a code, in the language of the visit; plain text, no links to click. */
export function codeEmail(purpose: CodePurpose, code: string, minutes: number, locale: Locale): { subject: string; text: string } {
  const what = codePurposeText(purpose, locale);
  return locale === 'sw'
    ? {
        subject: `Nambari yako ya uthibitisho ya eCitizen: ${code}`,
        text: `Habari,\n\nNambari yako ya uthibitisho ni ${code}, ${what}. Iandike kwenye kioski cha eCitizen. Itakwisha baada ya dakika ${minutes}.\n\nUsimpe mtu yeyote nambari hii. Kama hukuomba nambari hii, puuza barua pepe hii.\n\nKioski cha eCitizen, Kituo cha Huduma`,
      }
    : {
        subject: `Your eCitizen code: ${code}`,
        text: `Hello,\n\nYour code is ${code}, ${what}. Type it at the eCitizen kiosk. It expires in ${minutes} minutes.\n\nNever share this code with anyone. If you did not ask for it, ignore this email.\n\neCitizen kiosk, Huduma Centre`,
      };
}
