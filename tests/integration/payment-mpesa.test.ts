import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BillView, PaymentView } from '../../shared/contract/payments';
import { startDarajaSimulator } from '../../electron/simulators/daraja/daraja-simulator';
import { paymentKiosk, simulatorTransactions, type PaymentKiosk } from '../support/payment-kiosk';
import { tableCounts } from '../support/temp-kiosk';
import { paymentOutcome } from '../../electron/core/payments/payment-outcomes';
import type { PaymentRow } from '../../electron/core/payments/payment-store';

const PAYS = '0708374149';
const CANCELS = '0700001032';
const UNREACHABLE = '0700001037';
const NO_ANSWER = '0799000002';
const DUPLICATE_CALLBACK = '0799000003';
const LOST_CALLBACK = '0799000004';

let pk: PaymentKiosk;

async function call<T>(name: string, payload: unknown): Promise<T> {
  const result = await pk.kiosk.core.invoke(name, payload);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}`);
  return result.value as T;
}

async function renewalBill(): Promise<BillView> {
  return call<BillView>('payments.billForRenewal', { years: 1 });
}

async function settle(paymentId: string): Promise<PaymentView> {
  await expect.poll(async () => (await call<PaymentView>('payments.status', { paymentId })).state, { timeout: 8_000, interval: 50 }).not.toMatch(/^(created|prompted)$/);
  return call<PaymentView>('payments.status', { paymentId });
}

const count = (sql: string, ...params: unknown[]) => (pk.kiosk.core.context.db.prepare(sql).get(...params) as { n: number }).n;

beforeEach(async () => {
  pk = await paymentKiosk();
  await call('visit.start', { locale: 'en' });
});
afterEach(() => pk.close());

describe('M-Pesa through the Daraja simulator over real HTTP', () => {
  it('success: prompted, then paid once with the M-Pesa receipt number, the bill paid, audited and queued for the back office', async () => {
    const bill = await renewalBill();
    expect(bill.total).toBe(650);
    const updates: PaymentView[] = [];
    pk.kiosk.core.subscribe((name, payload) => {
      if (name === 'payments.updated') updates.push(payload as PaymentView);
    });
    const started = await call<PaymentView>('payments.payByMpesa', { billId: bill.id, idempotencyKey: randomUUID(), phone: PAYS });
    expect(started).toMatchObject({ state: 'prompted', amount: 650, maskedPhone: '07•• ••• 149' });
    const paid = await settle(started.id);
    const [charged] = await simulatorTransactions(pk.simulator);
    expect(paid).toMatchObject({ state: 'paid', outcome: null, receiptNumber: expect.stringMatching(/^R-/) });
    // The screen hears of every change, each showing the masked phone (never the number).
    expect(updates.map((u) => [u.state, u.maskedPhone])).toEqual([['prompted', '07•• ••• 149'], ['paid', '07•• ••• 149']]);
    expect(charged).toMatchObject({ amount: 650, result: { resultCode: 0 } });
    const row = pk.kiosk.core.context.db.prepare('SELECT provider_reference, phone_hash FROM payments WHERE id = ?').get(started.id) as { provider_reference: string; phone_hash: string };
    expect(row.provider_reference).toBe(charged!.result!.receiptNumber);
    expect(row.phone_hash).not.toContain('708374149');
    expect((await call<BillView>('payments.bill', { billId: bill.id })).status).toBe('paid');
    // The callback arrives too (before or after the query): the payment was settled once.
    await expect.poll(() => pk.forwarder.dispositions.length, { timeout: 3_000 }).toBe(1);
    await pk.kiosk.core.paymentsIdle();
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'payment.paid'")).toBe(1);
    expect(count("SELECT count(*) AS n FROM outbox WHERE type = 'payment.paid'")).toBe(1);
    const audit = pk.kiosk.core.context.db.prepare('SELECT details FROM audit_log').all() as { details: string }[];
    expect(JSON.stringify(audit)).not.toMatch(/708374149/);
  });

  it('1032 cancelled on the phone: cancelled with advice to try again; a new attempt on the same bill may follow', async () => {
    const bill = await renewalBill();
    const started = await call<PaymentView>('payments.payByMpesa', { billId: bill.id, idempotencyKey: randomUUID(), phone: CANCELS });
    const cancelled = await settle(started.id);
    expect(cancelled).toMatchObject({ state: 'cancelled', outcome: { code: 'mpesa.1032', retryable: true, message: { en: 'The payment was cancelled on your phone.', sw: 'Malipo yameghairiwa kwenye simu yako.' } } });
    const retry = await call<PaymentView>('payments.payByMpesa', { billId: bill.id, idempotencyKey: randomUUID(), phone: PAYS });
    expect((await settle(retry.id)).state).toBe('paid');
  });

  it('1037 phone unreachable: failed, with the advice to check the phone', async () => {
    const started = await call<PaymentView>('payments.payByMpesa', { billId: (await renewalBill()).id, idempotencyKey: randomUUID(), phone: UNREACHABLE });
    const failed = await settle(started.id);
    expect(failed).toMatchObject({ state: 'failed', outcome: { code: 'mpesa.1037', nextStep: { en: expect.stringContaining('phone is on') } } });
    expect(count("SELECT count(*) AS n FROM bills WHERE status = 'paid'")).toBe(0);
  });

  it('no callback at all: settled by STK query alone', async () => {
    const started = await call<PaymentView>('payments.payByMpesa', { billId: (await renewalBill()).id, idempotencyKey: randomUUID(), phone: LOST_CALLBACK });
    expect((await settle(started.id)).state).toBe('paid');
    await pk.kiosk.core.paymentsIdle();
    expect(pk.forwarder.dispositions).toEqual([]);
  });

  it('a duplicated callback settles the payment once', async () => {
    const started = await call<PaymentView>('payments.payByMpesa', { billId: (await renewalBill()).id, idempotencyKey: randomUUID(), phone: DUPLICATE_CALLBACK });
    expect((await settle(started.id)).state).toBe('paid');
    await expect.poll(() => pk.forwarder.dispositions.length, { timeout: 3_000 }).toBe(2);
    // At most one of the two settled it (the query may have come first); the other was a repeat.
    expect(pk.forwarder.dispositions.filter((d) => d === 'settled').length).toBeLessThanOrEqual(1);
    expect(pk.forwarder.dispositions).toContain('repeat');
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'payment.paid'")).toBe(1);
    expect(count("SELECT count(*) AS n FROM outbox WHERE type = 'payment.paid'")).toBe(1);
  });

  it('nobody answers the prompt: expired at the limit, and the late result changes nothing', async () => {
    await pk.close();
    pk = await paymentKiosk({ payments: { resultLimitSeconds: 1 } });
    await call('visit.start', { locale: 'en' });
    const started = await call<PaymentView>('payments.payByMpesa', { billId: (await renewalBill()).id, idempotencyKey: randomUUID(), phone: NO_ANSWER });
    const expired = await settle(started.id);
    expect(expired).toMatchObject({ state: 'expired', outcome: { code: 'mpesa.no-result' } });
    // M-Pesa's own 1037 comes later, by callback: the expired payment stays as it is.
    await expect.poll(() => pk.forwarder.dispositions, { timeout: 4_000 }).toEqual(['ignored']);
    expect((await call<PaymentView>('payments.status', { paymentId: started.id })).state).toBe('expired');
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'payment.%' AND action NOT IN ('payment.create', 'payment.prompted', 'payment.expired')")).toBe(0);
  });

  it('a repeated request (same idempotency key) never pushes twice', async () => {
    const bill = await renewalBill();
    const key = randomUUID();
    const [first, second] = await Promise.all([
      call<PaymentView>('payments.payByMpesa', { billId: bill.id, idempotencyKey: key, phone: PAYS }),
      call<PaymentView>('payments.payByMpesa', { billId: bill.id, idempotencyKey: key, phone: PAYS }).catch((error: Error) => error.message),
    ]);
    await settle(first.id);
    expect(typeof second === 'string' ? second : second.id).toMatch(new RegExp(`${first.id}|payment.inProgress`));
    expect(await simulatorTransactions(pk.simulator)).toHaveLength(1);
  });

  it('a bad phone number is refused with a bilingual error and changes nothing', async () => {
    const bill = await renewalBill();
    const before = tableCounts(pk.kiosk.core);
    for (const phone of ['0712', '+255712345678', 'O7O8374149', '020 2222222']) {
      const result = await pk.kiosk.core.invoke('payments.payByMpesa', { billId: bill.id, idempotencyKey: randomUUID(), phone });
      expect(result).toMatchObject({ ok: false, error: { code: 'payment.badPhone', field: 'phone', message: { sw: expect.stringContaining('Kenya') } } });
    }
    expect(tableCounts(pk.kiosk.core)).toEqual(before);
  });

  it('a callback for a push the kiosk does not know is kept for the back office to reconcile', async () => {
    const body = { Body: { stkCallback: { MerchantRequestID: '1-2-3', CheckoutRequestID: 'ws_CO_UNKNOWN', ResultCode: 0, ResultDesc: 'ok', CallbackMetadata: { Item: [{ Name: 'MpesaReceiptNumber', Value: 'QZZ0000001' }] } } } };
    expect(await pk.kiosk.core.acceptMpesaCallback(body)).toBe('unmatched');
    expect(await pk.kiosk.core.acceptMpesaCallback({ nonsense: true })).toBe('malformed');
    expect(count("SELECT count(*) AS n FROM outbox WHERE type = 'mpesa.callback-unmatched' AND payload LIKE '%QZZ0000001%'")).toBe(1);
  });
});

describe('M-Pesa with the simulator down', () => {
  it('fails clearly, charges nothing, and a repeat of the same attempt does not push again', async () => {
    const down = await startDarajaSimulator();
    const url = down.url;
    await down.close();
    await pk.close();
    pk = await paymentKiosk({ mpesa: { baseUrl: url, requestTimeoutMs: 1_000 } });
    await call('visit.start', { locale: 'sw' });
    const bill = await renewalBill();
    const key = randomUUID();
    const failed = await call<PaymentView>('payments.payByMpesa', { billId: bill.id, idempotencyKey: key, phone: PAYS });
    expect(failed).toMatchObject({ state: 'failed', outcome: { code: 'mpesa.unavailable', message: { en: expect.stringContaining('not been charged'), sw: expect.stringContaining('Hujatozwa') } } });
    const repeated = await call<PaymentView>('payments.payByMpesa', { billId: bill.id, idempotencyKey: key, phone: PAYS });
    expect(repeated.id).toBe(failed.id);
    expect(await simulatorTransactions(pk.simulator)).toEqual([]);
    expect((await call<BillView>('payments.bill', { billId: bill.id })).status).toBe('unpaid');
  });
});

describe('a payment whose record cannot be made durable', () => {
  it('is never sent to M-Pesa or the card terminal: the attempt closes as not recorded, and the bill stays payable', async () => {
    const bill = await renewalBill();
    const key = randomUUID();
    // The kiosk is shutting down: the WAL is no longer synced, so no new record can reach the disk.
    await pk.kiosk.core.context.offThreadSync.close();
    for (const [name, request] of [
      ['payments.payByMpesa', { billId: bill.id, idempotencyKey: key, phone: PAYS }],
      ['payments.payByCard', { billId: bill.id, idempotencyKey: randomUUID() }],
    ] as const) {
      expect(await pk.kiosk.core.invoke(name, request)).toMatchObject({ ok: false, error: { code: 'internal' } });
    }
    expect(await simulatorTransactions(pk.simulator)).toEqual([]);
    const rows = pk.kiosk.core.context.db.prepare('SELECT method, state, reason FROM payments WHERE bill_id = ? ORDER BY created_at').all(bill.id);
    expect(rows).toEqual([
      { method: 'mpesa', state: 'failed', reason: 'not-recorded' },
      { method: 'card', state: 'failed', reason: 'not-recorded' },
    ]);
    // What the citizen is told (the screen can be answered no more: nothing new reaches the disk).
    const card = pk.kiosk.core.context.db.prepare("SELECT * FROM payments WHERE method = 'card'").get() as PaymentRow;
    expect(paymentOutcome(card)).toMatchObject({ code: 'payment.not-recorded', message: { en: expect.stringContaining('not been charged'), sw: expect.stringContaining('Hujatozwa') } });
    expect(count('SELECT count(*) AS n FROM bills WHERE id = ? AND status = ?', bill.id, 'unpaid')).toBe(1);
  });
});
