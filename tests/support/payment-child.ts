/**
 * A kiosk that starts one M-Pesa payment, for the crash test to kill:
 * `node --import tsx tests/support/payment-child.ts <database> <settings-json> <phone>`.
 * Prints the payment as JSON once the push has been answered, then lives until killed.
 */
import { randomUUID } from 'node:crypto';
import { createKioskCore } from '../../electron/core/kiosk-core';

const [databaseFile, settingsJson, phone] = process.argv.slice(2);
if (!databaseFile || !settingsJson || !phone) throw new Error('usage: payment-child.ts <database> <settings-json> <phone>');
const core = createKioskCore({ databaseFile, settings: JSON.parse(settingsJson) as unknown, version: 'crash-test' });

async function call(name: string, payload: unknown): Promise<{ id: string }> {
  const result = await core.invoke(name, payload);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}`);
  return result.value as { id: string };
}

await call('visit.start', { locale: 'en' });
const bill = await call('payments.billForRenewal', { years: 3 });
const payment = await call('payments.payByMpesa', { billId: bill.id, idempotencyKey: randomUUID(), phone });
console.log(JSON.stringify(payment));
