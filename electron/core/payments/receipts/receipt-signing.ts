import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { paymentMethodSchema } from '@shared/contract/payments';
import type { Receipt } from './receipt';

/** What the QR code vouches for. Lines are left out to keep the code small; the total is in. */
export type SignedReceiptFields = Pick<Receipt, 'kioskId' | 'receiptNumber' | 'billReference' | 'total' | 'method' | 'providerReference' | 'paidAt'>;

export type ReceiptVerification =
  | { readonly valid: true; readonly receipt: SignedReceiptFields }
  | { readonly valid: false; readonly reason: 'malformed' | 'unknown-version' | 'unusable-public-key' | 'bad-signature'; readonly receipt?: SignedReceiptFields };

/**
 * The QR text: `HKR1|kioskId|receiptNumber|billReference|total|method|providerReference|paidAt|signature`.
 * In fields, `%`, `|` and anything outside printable ASCII are percent-encoded, so the text
 * is plain ASCII that any scanner reads and `|` only ever separates fields;
 * the Ed25519 signature (base64url) covers exactly the text before the last `|`, so there is
 * no canonical form to get wrong.
 */
const VERSION = 'HKR1';

const encodeField = (text: string) => text.replace(/[%|]|[^\x20-\x7e]/gu, encodeURIComponent);

export function signReceipt(receipt: SignedReceiptFields, privateKey: KeyObject): string {
  if (!Number.isSafeInteger(receipt.total) || receipt.total < 0) throw new RangeError(`receipt total must be whole shillings, got ${receipt.total}`);
  const fields = [receipt.kioskId, receipt.receiptNumber, receipt.billReference, String(receipt.total), receipt.method, receipt.providerReference, receipt.paidAt];
  const payload = [VERSION, ...fields.map(encodeField)].join('|');
  return `${payload}|${sign(null, Buffer.from(payload, 'utf8'), privateKey).toString('base64url')}`;
}

/** Checks a scanned QR text offline, with nothing but the kiosk's public key. */
export function verifyReceiptQr(text: string, publicKeyPem: string): ReceiptVerification {
  const cut = text.lastIndexOf('|');
  if (cut < 0) return { valid: false, reason: 'malformed' };
  const payload = text.slice(0, cut);
  const [version = '', ...encoded] = payload.split('|');
  if (version !== VERSION) return { valid: false, reason: /^HKR[0-9]+$/.test(version) ? 'unknown-version' : 'malformed' };
  const receipt = readFields(encoded);
  if (!receipt) return { valid: false, reason: 'malformed' };
  const publicKey = ed25519PublicKey(publicKeyPem);
  if (!publicKey) return { valid: false, reason: 'unusable-public-key', receipt };
  const signature = Buffer.from(text.slice(cut + 1), 'base64url');
  const genuine = signature.length === 64 && verify(null, Buffer.from(payload, 'utf8'), publicKey, signature);
  return genuine ? { valid: true, receipt } : { valid: false, reason: 'bad-signature', receipt };
}

function readFields(encoded: string[]): SignedReceiptFields | undefined {
  if (encoded.length !== 7) return undefined;
  let fields: string[];
  try {
    fields = encoded.map(decodeURIComponent);
  } catch {
    return undefined;
  }
  const [kioskId, receiptNumber, billReference, total, method, providerReference, paidAt] = fields as [string, string, string, string, string, string, string];
  const knownMethod = paymentMethodSchema.options.find((m) => m === method);
  if (!/^[0-9]+$/.test(total) || !knownMethod || Number.isNaN(Date.parse(paidAt))) return undefined;
  return { kioskId, receiptNumber, billReference, total: Number(total), method: knownMethod, providerReference, paidAt };
}

function ed25519PublicKey(pem: string): KeyObject | undefined {
  try {
    const key = createPublicKey(pem);
    return key.asymmetricKeyType === 'ed25519' ? key : undefined;
  } catch {
    return undefined;
  }
}
