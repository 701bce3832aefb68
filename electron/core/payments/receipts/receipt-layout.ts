import type { Localized } from '@shared/result';
import type { ReceiptLines } from '@shared/sync/centre-settings';
import { kenyanDateTime } from '@shared/kenya/time';
import type { PaymentMethod } from '@shared/contract/payments';
import type { Receipt } from './receipt';

/** The centre's own lines above and below every receipt (`receipts.headerLines`, `footerLines`), not part of what is signed. */
export interface ReceiptTexts {
  readonly header: ReceiptLines;
  readonly footer: ReceiptLines;
}

/** One labelled value on a receipt; printers show the label in both languages. */
export interface ReceiptField {
  readonly label: Localized;
  readonly value: string;
}

/** The fixed wording of every receipt, shared by the thermal and PDF renderers. */
export const RECEIPT_TEXT = {
  issuer: 'HUDUMA CENTRE',
  title: { en: 'Payment receipt', sw: 'Risiti ya malipo' },
  total: { en: 'Total', sw: 'Jumla' },
  verify: { en: 'Scan to verify this receipt', sw: 'Changanua kuhakiki risiti hii' },
  keep: { en: 'Please keep this receipt', sw: 'Tafadhali hifadhi risiti hii' },
} as const satisfies Record<string, Localized | string>;

const METHOD_NAMES: Record<PaymentMethod, Localized> = {
  mpesa: { en: 'M-Pesa', sw: 'M-Pesa' },
  card: { en: 'Card', sw: 'Kadi' },
  cash: { en: 'Cash', sw: 'Pesa taslimu' },
};

const PROVIDER_REFERENCE_LABELS: Record<PaymentMethod, Localized> = {
  mpesa: { en: 'M-Pesa receipt', sw: 'Risiti ya M-Pesa' },
  card: { en: 'Approval code', sw: 'Nambari ya idhini' },
  cash: { en: 'Received by', sw: 'Imepokelewa na' },
};

/** `en / sw`, or one word when both languages say the same. */
export function bothLanguages(text: Localized): string {
  return text.en === text.sw ? text.en : `${text.en} / ${text.sw}`;
}

export function receiptFields(receipt: Receipt): ReceiptField[] {
  return [
    { label: { en: 'Receipt no.', sw: 'Nambari ya risiti' }, value: receipt.receiptNumber },
    { label: { en: 'Bill ref.', sw: 'Nambari ya bili' }, value: receipt.billReference },
    { label: { en: 'Paid by', sw: 'Njia ya malipo' }, value: bothLanguages(METHOD_NAMES[receipt.method]) },
    { label: PROVIDER_REFERENCE_LABELS[receipt.method], value: receipt.providerReference },
    { label: { en: 'Paid at', sw: 'Muda wa malipo' }, value: `${kenyanDateTime(receipt.paidAt)} EAT` },
    { label: { en: 'Kiosk', sw: 'Kioski' }, value: receipt.kioskId },
  ];
}
