import type { Localized } from '@shared/result';

/** What the citizen should do after an STK result. */
export type MpesaNextStep =
  | 'none'
  | 'try-again'
  | 'top-up-then-retry'
  | 'check-phone-then-retry'
  | 'wait-then-retry'
  | 'retry-with-correct-pin'
  | 'pay-another-way';

export interface MpesaResultAdvice {
  readonly resultCode: number;
  readonly paid: boolean;
  /** Whether pushing again (a new attempt) can succeed. */
  readonly retryable: boolean;
  /** Wait at least this long before the next push. */
  readonly retryAfterSeconds: number;
  readonly nextStep: MpesaNextStep;
  readonly message: Localized;
  readonly nextStepText: Localized;
}

type Advice = Omit<MpesaResultAdvice, 'resultCode'>;

const promptNotSent: Advice = {
  paid: false,
  retryable: true,
  retryAfterSeconds: 30,
  nextStep: 'wait-then-retry',
  message: {
    en: 'M-Pesa could not send the payment request to your phone.',
    sw: 'M-Pesa haikuweza kutuma ombi la malipo kwenye simu yako.',
  },
  nextStepText: { en: 'Wait a moment, then try again.', sw: 'Subiri kidogo, kisha ujaribu tena.' },
};

/** The STK result codes the kiosk explains (Daraja's callback / query ResultCode). */
const ADVICE: Readonly<Record<number, Advice>> = {
  0: {
    paid: true,
    retryable: false,
    retryAfterSeconds: 0,
    nextStep: 'none',
    message: { en: 'Payment received. Thank you.', sw: 'Malipo yamepokelewa. Asante.' },
    nextStepText: { en: 'Take your receipt.', sw: 'Chukua risiti yako.' },
  },
  1: {
    paid: false,
    retryable: true,
    retryAfterSeconds: 0,
    nextStep: 'top-up-then-retry',
    message: {
      en: 'Your M-Pesa balance is not enough for this payment.',
      sw: 'Salio lako la M-Pesa halitoshi kwa malipo haya.',
    },
    nextStepText: {
      en: 'Top up your M-Pesa and try again, or pay another way.',
      sw: 'Ongeza salio la M-Pesa kisha ujaribu tena, au lipa kwa njia nyingine.',
    },
  },
  17: promptNotSent,
  1025: promptNotSent,
  9999: promptNotSent,
  1001: {
    paid: false,
    retryable: true,
    retryAfterSeconds: 60,
    nextStep: 'wait-then-retry',
    message: {
      en: 'Your phone is busy with another M-Pesa transaction.',
      sw: 'Simu yako ina muamala mwingine wa M-Pesa unaoendelea.',
    },
    nextStepText: {
      en: 'Finish or close the other transaction, wait a minute, then try again.',
      sw: 'Maliza au funga muamala huo, subiri dakika moja, kisha ujaribu tena.',
    },
  },
  1019: {
    paid: false,
    retryable: true,
    retryAfterSeconds: 0,
    nextStep: 'try-again',
    message: {
      en: 'The payment request expired before it was completed.',
      sw: 'Ombi la malipo limepitwa na muda kabla ya kukamilika.',
    },
    nextStepText: {
      en: 'Try again, and enter your M-Pesa PIN as soon as the request appears.',
      sw: 'Jaribu tena, na uweke PIN yako ya M-Pesa mara ombi linapoonekana.',
    },
  },
  1032: {
    paid: false,
    retryable: true,
    retryAfterSeconds: 0,
    nextStep: 'try-again',
    message: { en: 'The payment was cancelled on your phone.', sw: 'Malipo yameghairiwa kwenye simu yako.' },
    nextStepText: { en: 'Try again when you are ready.', sw: 'Jaribu tena ukiwa tayari.' },
  },
  1037: {
    paid: false,
    retryable: true,
    retryAfterSeconds: 0,
    nextStep: 'check-phone-then-retry',
    message: { en: 'We could not reach your phone.', sw: 'Hatukuweza kufikia simu yako.' },
    nextStepText: {
      en: 'Check that your phone is on and has signal, then try again.',
      sw: 'Hakikisha simu yako imewashwa na ina mtandao, kisha ujaribu tena.',
    },
  },
  2001: {
    paid: false,
    retryable: true,
    retryAfterSeconds: 0,
    nextStep: 'retry-with-correct-pin',
    message: { en: 'The M-Pesa PIN entered was wrong.', sw: 'PIN ya M-Pesa iliyowekwa si sahihi.' },
    nextStepText: {
      en: 'Try again and enter your correct M-Pesa PIN.',
      sw: 'Jaribu tena na uweke PIN sahihi ya M-Pesa.',
    },
  },
};

const UNKNOWN: Advice = {
  paid: false,
  retryable: true,
  retryAfterSeconds: 0,
  nextStep: 'pay-another-way',
  message: { en: 'M-Pesa could not complete the payment.', sw: 'M-Pesa haikuweza kukamilisha malipo.' },
  nextStepText: { en: 'Try again, or pay another way.', sw: 'Jaribu tena, au lipa kwa njia nyingine.' },
};

/** The citizen-facing explanation of an STK ResultCode; codes not listed get a generic one. */
export function describeResultCode(resultCode: number): MpesaResultAdvice {
  return { resultCode, ...(ADVICE[resultCode] ?? UNKNOWN) };
}

/** The codes with their own advice (the tests walk them). */
export const EXPLAINED_RESULT_CODES: readonly number[] = Object.keys(ADVICE).map(Number);
