import type { Localized } from '../result';

/** Codes sent by email (a new address proven during account recovery). */
export const emailErrors = {
  'email.invalid': {
    en: 'This does not look like an email address. Please check it, for example name@example.com.',
    sw: 'Hii haionekani kama anwani ya barua pepe. Tafadhali iangalie, kwa mfano jina@mfano.com.',
  },
  'verification.emailFailed': {
    en: 'We could not send the email just now. Please check the address and try again, or continue without an email.',
    sw: 'Hatukuweza kutuma barua pepe sasa hivi. Tafadhali angalia anwani ujaribu tena, au endelea bila barua pepe.',
  },
} as const satisfies Record<string, Localized>;
