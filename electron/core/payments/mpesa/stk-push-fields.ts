import { toMpesaMsisdn } from '@shared/identifiers/phone';
import { MpesaInvalidRequestError } from './mpesa-errors';

/** Daraja's limits: longer values are refused with HTTP 400, empty ones too. */
export const ACCOUNT_REFERENCE_MAX_LENGTH = 12;
export const TRANSACTION_DESC_MAX_LENGTH = 13;

/**
 * Text Daraja accepts and the customer's phone shows: letters, digits, spaces and hyphens,
 * trimmed, cut to `max`. Cutting is safe because the kiosk matches payments by
 * CheckoutRequestID, never by these texts; an empty result is refused, never sent.
 */
function promptText(field: 'accountReference' | 'description', raw: string, max: number): string {
  const text = raw
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9 -]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
    .trim();
  if (text === '') throw new MpesaInvalidRequestError(field, 'is empty once cleaned for M-Pesa');
  return text;
}

export const accountReferenceField = (raw: string) => promptText('accountReference', raw, ACCOUNT_REFERENCE_MAX_LENGTH);
export const transactionDescField = (raw: string) => promptText('description', raw, TRANSACTION_DESC_MAX_LENGTH);

/** Whole shillings, at least 1: money is never rounded silently. */
export function amountField(amount: number): number {
  if (!Number.isSafeInteger(amount) || amount < 1) throw new MpesaInvalidRequestError('amount', `must be whole shillings >= 1, got ${amount}`);
  return amount;
}

/** `+254712345678` → `254712345678`, the form Daraja wants in PartyA and PhoneNumber. */
export function msisdnField(e164: string): string {
  try {
    return toMpesaMsisdn(e164);
  } catch {
    throw new MpesaInvalidRequestError('phone', 'must be a Kenyan mobile number in E.164 form (+2547… or +2541…)');
  }
}
