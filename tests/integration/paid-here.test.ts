import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AccountDetails } from '../../shared/contract/lookup';
import type { BillView, PaymentView } from '../../shared/contract/payments';
import { paymentKiosk, type PaymentKiosk } from '../support/payment-kiosk';
import { verifyVisitAs } from '../support/verify-visit';

let pk: PaymentKiosk;
beforeEach(async () => {
  pk = await paymentKiosk();
});
afterEach(async () => {
  await pk.close();
});

const call = async <T>(name: string, payload: unknown): Promise<T> => {
  const result = await pk.kiosk.core.invoke(name, payload);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}`);
  return result.value as T;
};

it('a fine paid at the kiosk shows as paid here, with its receipt, and leaves the unpaid list and total at once, before the back office knows', async () => {
  await call('visit.start', { locale: 'en' });
  await verifyVisitAs(pk.kiosk.core, '12345678');
  const before = await call<AccountDetails>('lookup.details', {});
  const fine = before.unpaidFines[0]!;
  expect(before.paidHere).toEqual([]);

  const bill = await call<BillView>('payments.billForFine', { fineId: fine.id });
  const paid = await call<PaymentView>('payments.payByCard', { billId: bill.id, idempotencyKey: randomUUID() });
  expect(paid.state).toBe('paid');
  // The replica still says unpaid: sync has not brought the back office's copy back.
  expect(pk.kiosk.core.context.db.prepare('SELECT status FROM fines WHERE id = ?').get(fine.id)).toEqual({ status: 'unpaid' });

  const after = await call<AccountDetails>('lookup.details', {});
  expect(after.unpaidFines.map((f) => f.id)).not.toContain(fine.id);
  expect(after.unpaidTotal).toBe(before.unpaidTotal - fine.amount);
  expect(after.paidHere).toEqual([{ id: fine.id, reference: fine.reference, offence: fine.offence, amount: fine.amount, receiptNumber: paid.receiptNumber, paidAt: expect.any(String) }]);
});
