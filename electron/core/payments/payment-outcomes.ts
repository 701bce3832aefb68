import type { PaymentView } from '@shared/contract/payments';
import { describeResultCode } from './mpesa/result-codes';
import type { PaymentRow } from './payment-store';

type Outcome = NonNullable<PaymentView['outcome']>;

const outcome = (code: string, message: Outcome['message'], nextStep: Outcome['nextStep'], retryAfterSeconds = 0): Outcome => ({
  code,
  message,
  nextStep,
  retryable: true,
  retryAfterSeconds,
});

const TRY_AGAIN_OR_OTHER = { en: 'Try again, or pay another way.', sw: 'Jaribu tena, au lipa kwa njia nyingine.' };

/** Reasons the kiosk itself records (not provider result codes), explained to the citizen. */
const BY_REASON: Readonly<Record<string, Outcome>> = {
  'provider-unavailable': outcome(
    'mpesa.unavailable',
    { en: 'M-Pesa could not be reached from this kiosk. You have not been charged.', sw: 'M-Pesa haikuweza kufikiwa kutoka kioski hiki. Hujatozwa chochote.' },
    { en: 'Wait a minute and try again, or pay another way.', sw: 'Subiri dakika moja ujaribu tena, au lipa kwa njia nyingine.' },
    60,
  ),
  'push-no-answer': outcome(
    'mpesa.push-timeout',
    { en: 'M-Pesa did not answer in time. If a request appears on your phone, do not enter your PIN.', sw: 'M-Pesa haikujibu kwa wakati. Ombi likionekana kwenye simu yako, usiweke PIN yako.' },
    TRY_AGAIN_OR_OTHER,
    60,
  ),
  'no-result': outcome(
    'mpesa.no-result',
    { en: 'We did not hear back from M-Pesa in time.', sw: 'Hatukupata jibu kutoka M-Pesa kwa wakati.' },
    {
      en: 'If money left your M-Pesa, keep the SMS and ask at the counter: it will be matched to your bill. Otherwise try again.',
      sw: 'Kama pesa zimetoka kwenye M-Pesa yako, hifadhi SMS na uulize kaunta: zitaunganishwa na bili yako. La sivyo jaribu tena.',
    },
  ),
  interrupted: outcome(
    'payment.interrupted',
    { en: 'The kiosk restarted before this payment reached the provider. You have not been charged.', sw: 'Kioski kilizimika kabla malipo haya kumfikia mtoa huduma. Hujatozwa chochote.' },
    TRY_AGAIN_OR_OTHER,
  ),
  'not-recorded': outcome(
    'payment.not-recorded',
    { en: 'The kiosk could not save this payment, so it was not sent. You have not been charged.', sw: 'Kioski hakikuweza kuhifadhi malipo haya, kwa hiyo hayakutumwa. Hujatozwa chochote.' },
    { en: 'Please pay at the counter.', sw: 'Tafadhali lipa kaunta.' },
  ),
  'no-provider-record': outcome(
    'payment.no-provider-record',
    { en: 'This payment did not go through: M-Pesa has no record of it. You have not been charged.', sw: 'Malipo haya hayakufanikiwa: M-Pesa haina rekodi yake. Hujatozwa chochote.' },
    TRY_AGAIN_OR_OTHER,
  ),
  'card-declined': outcome('card.declined', { en: 'The card was declined.', sw: 'Kadi imekataliwa.' }, { en: 'Try another card, or pay another way.', sw: 'Jaribu kadi nyingine, au lipa kwa njia nyingine.' }),
  'card-timeout': outcome(
    'card.timeout',
    { en: 'The card terminal did not get a card in time.', sw: 'Mashine ya kadi haikupata kadi kwa wakati.' },
    { en: 'Try again and hold your card on the terminal.', sw: 'Jaribu tena na ushikilie kadi yako kwenye mashine.' },
  ),
  'card-cancelled': outcome('card.cancelled', { en: 'The payment was cancelled at the card terminal.', sw: 'Malipo yameghairiwa kwenye mashine ya kadi.' }, TRY_AGAIN_OR_OTHER),
};

/** Why a payment did not go through, or why it is on hold, and what to do next; null while waiting or when paid. */
export function paymentOutcome(payment: PaymentRow): Outcome | null {
  if (payment.state === 'created' || payment.state === 'prompted' || payment.state === 'paid') return null;
  if (payment.state === 'in_doubt') {
    return {
      code: 'payment.in-doubt',
      message: {
        en: 'We are checking whether this payment went through. Do not pay this bill again.',
        sw: 'Tunahakikisha kama malipo haya yamefanikiwa. Usilipe bili hii tena.',
      },
      nextStep: {
        en: 'The bill is on hold for a few minutes until we know. If money left your account, keep the message: it will be matched to this bill. Ask at the counter if you need help.',
        sw: 'Bili imesimamishwa kwa dakika chache hadi tujue. Kama pesa zimetoka kwenye akaunti yako, hifadhi ujumbe: zitaunganishwa na bili hii. Uliza kaunta ukihitaji msaada.',
      },
      retryable: false,
      retryAfterSeconds: 0,
    };
  }
  if (payment.state === 'refund_due') {
    return {
      code: 'payment.refund-due',
      message: { en: 'This bill was already paid, so this payment will be refunded.', sw: 'Bili hii ilikuwa imeshalipwa, kwa hiyo malipo haya yatarejeshwa.' },
      nextStep: { en: 'Please ask at the counter about your refund.', sw: 'Tafadhali uliza kaunta kuhusu kurejeshewa pesa zako.' },
      retryable: false,
      retryAfterSeconds: 0,
    };
  }
  if (payment.method === 'mpesa' && payment.result_code !== null) {
    const advice = describeResultCode(payment.result_code);
    return { code: `mpesa.${payment.result_code}`, message: advice.message, nextStep: advice.nextStepText, retryable: advice.retryable, retryAfterSeconds: advice.retryAfterSeconds };
  }
  return BY_REASON[payment.reason ?? ''] ?? outcome('payment.failed', { en: 'The payment did not go through.', sw: 'Malipo hayakufanikiwa.' }, TRY_AGAIN_OR_OTHER);
}
