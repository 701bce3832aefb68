import { randomInt } from 'node:crypto';
import { kenyaTimestamp } from '@shared/kenya/time';

const digits = (count: number) => Array.from({ length: count }, () => randomInt(10)).join('');
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** `29115-34620561-1`: the shape of Daraja's MerchantRequestID and error requestId. */
export const newRequestId = () => `${randomInt(1000, 99999)}-${randomInt(1_000_000, 99_999_999)}-${randomInt(1, 4)}`;

/** `ws_CO_` + Kenya time + digits, like Daraja's CheckoutRequestID. */
export const newCheckoutRequestId = (at: Date) => `ws_CO_${kenyaTimestamp(at)}${digits(9)}`;

/** Ten characters, a letter first, like `QKH94M1Z11`. */
export const newMpesaReceiptNumber = () =>
  String.fromCharCode(65 + randomInt(26)) + Array.from({ length: 9 }, () => ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]).join('');
