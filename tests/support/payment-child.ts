/**
 * A kiosk that starts one payment, for the crash tests to kill:
 * `node --import tsx tests/support/payment-child.ts <database> <settings-json> mpesa <phone> | card | resume`.
 * Prints the bill as JSON once it exists (before the payment starts), then lives until killed.
 */
import { randomUUID } from 'node:crypto';
import { createKioskCore } from '../../electron/core/kiosk-core';

const [databaseFile, settingsJson, method, phone] = process.argv.slice(2);
if (!databaseFile || !settingsJson || !['mpesa', 'card', 'resume'].includes(method ?? '')) throw new Error('usage: payment-child.ts <database> <settings-json> mpesa <phone> | card | resume');
const core = createKioskCore({ databaseFile, settings: JSON.parse(settingsJson) as unknown, version: 'crash-test' });
// `resume`: a kiosk that only starts (and resumes what it finds), to be killed again.
if (method === 'resume') {
  console.log('{}');
  await new Promise(() => undefined);
}

async function call(name: string, payload: unknown): Promise<{ id: string }> {
  const result = await core.invoke(name, payload);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}`);
  return result.value as { id: string };
}

await call('visit.start', { locale: 'en' });
const bill = await call('payments.billForRenewal', { years: 3 });
console.log(JSON.stringify(bill));
if (method === 'mpesa') await call('payments.payByMpesa', { billId: bill.id, idempotencyKey: randomUUID(), phone });
else await call('payments.payByCard', { billId: bill.id, idempotencyKey: randomUUID() });
