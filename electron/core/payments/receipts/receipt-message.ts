import { shillings } from '@shared/kenya/money';
import { kenyanDateTime } from '@shared/kenya/time';
import type { Locale } from '@shared/result';
import type { Receipt } from './receipt';

/**
 * A receipt sent instead of printed: the receipt number, the amount, what was paid for, when,
 * and the signed code (the QR's text) that proves it genuine. Nothing about the citizen.
 */
function fields(receipt: Receipt) {
  return {
    number: receipt.receiptNumber,
    amount: shillings(receipt.total),
    service: receipt.lines.map((line) => line.description).join(', '),
    paidAt: `${kenyanDateTime(receipt.paidAt)} EAT`,
  };
}

export function receiptSmsText(receipt: Receipt, verifyCode: string, locale: Locale): string {
  const { number, amount, service, paidAt } = fields(receipt);
  return locale === 'sw'
    ? `Risiti ya Huduma Centre ${number}: ${amount} kwa ${service}, ${paidAt}. Msimbo wa kuhakiki: ${verifyCode}`
    : `Huduma Centre receipt ${number}: ${amount} for ${service}, ${paidAt}. Verification code: ${verifyCode}`;
}

export function receiptEmail(receipt: Receipt, verifyCode: string, locale: Locale): { subject: string; text: string } {
  const { number, amount, service, paidAt } = fields(receipt);
  if (locale === 'sw') {
    return {
      subject: `Risiti yako ya malipo ${number}`,
      text: [
        `Risiti ya malipo, Huduma Centre`,
        `Nambari ya risiti: ${number}`,
        `Huduma: ${service}`,
        `Kiasi: ${amount}`,
        `Muda wa malipo: ${paidAt}`,
        '',
        'Msimbo huu ndio ulio kwenye msimbo wa QR wa risiti; Huduma Centre yoyote inaweza kuuhakiki:',
        verifyCode,
      ].join('\n'),
    };
  }
  return {
    subject: `Your payment receipt ${number}`,
    text: [
      'Payment receipt, Huduma Centre',
      `Receipt number: ${number}`,
      `Service: ${service}`,
      `Amount: ${amount}`,
      `Paid at: ${paidAt}`,
      '',
      "This code is the one in the receipt's QR code; any Huduma Centre can check it is genuine:",
      verifyCode,
    ].join('\n'),
  };
}
