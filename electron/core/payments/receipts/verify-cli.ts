import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyReceiptQr } from './receipt-signing';

/**
 * Verifies a receipt's QR text offline with the kiosk's public key:
 *   tsx electron/core/payments/receipts/verify-cli.ts --public-key kiosk.pem --qr 'HKR1|…'
 * Prints VALID or INVALID and the fields; exits 0 when valid, 1 when not, 2 on bad usage.
 */
const { values } = parseArgs({ options: { 'public-key': { type: 'string' }, qr: { type: 'string' } } });
const keyFile = values['public-key'];
if (!keyFile || values.qr === undefined) {
  console.error("usage: verify-cli.ts --public-key FILE --qr 'TEXT'");
  process.exit(2);
}

let publicKeyPem: string;
try {
  publicKeyPem = readFileSync(keyFile, 'utf8');
} catch (error) {
  console.error(`cannot read the public key: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}

const result = verifyReceiptQr(values.qr.trim(), publicKeyPem);
console.log(result.valid ? 'VALID' : `INVALID (${result.reason})`);
if (result.receipt) {
  if (!result.valid) console.log('The fields below are NOT vouched for by the kiosk:');
  for (const [name, value] of Object.entries(result.receipt)) console.log(`  ${name}: ${value}`);
}
process.exit(result.valid ? 0 : 1);
