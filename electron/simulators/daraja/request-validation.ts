import { darajaPassword } from '../../core/payments/mpesa/daraja-password';

/** A refusal in Daraja's words: HTTP status, errorCode and errorMessage. */
export interface DarajaFault {
  readonly status: number;
  readonly errorCode: string;
  readonly errorMessage: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; fault: DarajaFault };

export interface ValidPush {
  readonly amount: number;
  readonly phone: string;
  readonly callbackUrl: string;
  readonly accountReference: string;
  readonly transactionDesc: string;
}

export interface MerchantCredentials {
  readonly shortcode: string;
  readonly passkey: string;
}

/** Daraja's answer to a missing or malformed field. */
export const invalidField = (field: string): DarajaFault => ({ status: 400, errorCode: '400.002.02', errorMessage: `Bad Request - Invalid ${field}` });

const invalid = (field: string): { ok: false; fault: DarajaFault } => ({ ok: false, fault: invalidField(field) });

/** Daraja's answer to a body that is not a JSON object. */
export const INVALID_PAYLOAD: DarajaFault = { status: 400, errorCode: '400.002.05', errorMessage: 'Invalid Request Payload' };

/** Daraja takes these fields as JSON strings or numbers. */
function text(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

const MSISDN = /^254[17][0-9]{8}$/;

function isTimestamp(value: string | undefined): value is string {
  const m = value?.match(/^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const at = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return at.getUTCMonth() === month - 1 && at.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
}

function isHttpUrl(value: string | undefined): value is string {
  if (!value) return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** The part every Lipa na M-Pesa Online call shares: shortcode, password, timestamp. */
function checkMerchant(body: Record<string, unknown>, merchant: MerchantCredentials): Checked<null> {
  const shortcode = text(body, 'BusinessShortCode');
  const password = text(body, 'Password');
  const timestamp = text(body, 'Timestamp');
  if (!shortcode || !/^[0-9]{5,7}$/.test(shortcode)) return invalid('BusinessShortCode');
  if (!password) return invalid('Password');
  if (!isTimestamp(timestamp)) return invalid('Timestamp');
  if (shortcode !== merchant.shortcode) return { ok: false, fault: { status: 500, errorCode: '500.001.1001', errorMessage: 'Merchant does not exist' } };
  if (password !== darajaPassword(merchant.shortcode, merchant.passkey, timestamp)) {
    return { ok: false, fault: { status: 500, errorCode: '500.001.1001', errorMessage: 'Wrong credentials' } };
  }
  return { ok: true, value: null };
}

/**
 * An STK push body checked the way Daraja checks it, first failing field first. One
 * leniency: CallBackURL may be plain http, so tests can receive callbacks locally
 * (Daraja wants a public https URL).
 */
export function checkPush(body: Record<string, unknown>, merchant: MerchantCredentials): Checked<ValidPush> {
  const merchantCheck = checkMerchant(body, merchant);
  if (!merchantCheck.ok) return merchantCheck;
  const amount = text(body, 'Amount');
  const partyA = text(body, 'PartyA');
  const phone = text(body, 'PhoneNumber');
  const callbackUrl = text(body, 'CallBackURL');
  const accountReference = text(body, 'AccountReference')?.trim();
  const transactionDesc = text(body, 'TransactionDesc')?.trim();
  if (!['CustomerPayBillOnline', 'CustomerBuyGoodsOnline'].includes(text(body, 'TransactionType') ?? '')) return invalid('TransactionType');
  if (!amount || !/^[1-9][0-9]*$/.test(amount)) return invalid('Amount');
  if (!partyA || !MSISDN.test(partyA)) return invalid('PartyA');
  if (text(body, 'PartyB') !== merchant.shortcode) return invalid('PartyB');
  if (!phone || !MSISDN.test(phone)) return invalid('PhoneNumber');
  if (!isHttpUrl(callbackUrl)) return invalid('CallBackURL');
  if (!accountReference || accountReference.length > 12) return invalid('AccountReference');
  if (!transactionDesc || transactionDesc.length > 13) return invalid('TransactionDesc');
  return { ok: true, value: { amount: Number(amount), phone, callbackUrl, accountReference, transactionDesc } };
}

/** An STK query body: merchant credentials plus the CheckoutRequestID asked about. */
export function checkQuery(body: Record<string, unknown>, merchant: MerchantCredentials): Checked<string> {
  const merchantCheck = checkMerchant(body, merchant);
  if (!merchantCheck.ok) return merchantCheck;
  const checkoutRequestId = text(body, 'CheckoutRequestID');
  if (!checkoutRequestId) return invalid('CheckoutRequestID');
  return { ok: true, value: checkoutRequestId };
}
