import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BillView, PaymentView } from '../../shared/contract/payments';
import { startDarajaSimulator, type DarajaSimulator } from '../../electron/simulators/daraja/daraja-simulator';
import { MPESA_CALLBACK_PATH, SYNC_PATHS } from '../../shared/sync/protocol';
import { lastUnclaimedMpesa } from '../../electron/core/sync/unclaimed-mpesa';
import { FAST_POLLING, seedPaymentDemo } from '../support/payment-kiosk';
import { tempKiosk, type TempKiosk } from '../support/temp-kiosk';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../support/test-hub';
import { fastSyncSettings } from '../support/fast-sync-settings';

const PAYS = '0708374149';
const PAYS_MSISDN = 254708374149;

/**
 * Anyone can post to the hub's public Daraja callback address. Here an attacker does, while
 * a citizen pays for real: the kiosk believes a callback only when it fits the payment (the
 * push, the amount, the payer) and Daraja's own STK query agrees, and raises an alert for
 * one that does not. Daraja's query carries no receipt number (as in production).
 */
describe('forged M-Pesa callbacks', () => {
  let hub: TestHub;
  let daraja: DarajaSimulator;
  let kiosk: TempKiosk;

  const call = async <T>(name: string, payload: unknown): Promise<T> => {
    const result = await kiosk.core.invoke(name, payload);
    if (!result.ok) throw new Error(`${name}: ${result.error.code}`);
    return result.value as T;
  };
  const one = <T>(sql: string, ...args: unknown[]) => kiosk.core.context.db.prepare(sql).get(...args) as T;
  const post = (path: string, body: unknown) =>
    fetch(`${hub.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const callback = (checkoutRequestId: string, resultCode: number, items?: Record<string, string | number>) => ({
    Body: {
      stkCallback: {
        MerchantRequestID: 'forged-1',
        CheckoutRequestID: checkoutRequestId,
        ResultCode: resultCode,
        ResultDesc: resultCode === 0 ? 'The service request is processed successfully.' : 'Request cancelled by user',
        ...(items && { CallbackMetadata: { Item: Object.entries(items).map(([Name, Value]) => ({ Name, Value })) } }),
      },
    },
  });
  /** Starts a real payment; the simulated citizen approves it after a few seconds. */
  const pay = async () => {
    const bill = await call<BillView>('payments.billForRenewal', { years: 1 });
    const payment = await call<PaymentView>('payments.payByMpesa', { billId: bill.id, idempotencyKey: randomUUID(), phone: PAYS });
    const row = one<{ checkout_request_id: string; attempt_reference: string }>('SELECT checkout_request_id, attempt_reference FROM payments WHERE id = ?', payment.id);
    return { bill, payment, checkoutRequestId: row.checkout_request_id, reference: row.attempt_reference };
  };
  const stateOf = (paymentId: string) => one<{ state: string }>('SELECT state FROM payments WHERE id = ?', paymentId).state;
  const alerts = () => one<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'payment.callback-rejected'").n;

  beforeEach(async () => {
    hub = await startTestHub({ unclaimedAfterMinutes: 0 });
    // The citizen approves 3 s after the prompt: time for the forgeries to arrive first.
    daraja = await startDarajaSimulator({ delays: { resultMs: 3_000 }, receiptInQuery: false });
    const token = await hub.addKiosk('kiosk-under-attack');
    kiosk = tempKiosk({
      prepare: seedPaymentDemo,
      settings: {
        ...fastSyncSettings(hub.url, token, { mpesaCallbackIntervalSeconds: 0.2, downloadIntervalSeconds: 600 }),
        mpesa: { baseUrl: daraja.url, callbackUrl: `${hub.url}${MPESA_CALLBACK_PATH}`, requestTimeoutMs: 2_000 },
        payments: { ...FAST_POLLING, resultLimitSeconds: 30 },
      },
    });
    await call('visit.start', { locale: 'en' });
  });
  afterEach(async () => {
    await kiosk.dispose();
    await kiosk.core.paymentsIdle();
    await daraja.close();
    await hub.close();
  });

  it('a success claiming the wrong amount or payer settles nothing, raises an alert, and the genuine receipt still pays the bill', async () => {
    const { payment, checkoutRequestId, reference } = await pay();
    // KES 1 for a KES 650+ bill, under the attempt's own address; the right amount from another phone, under the bare one.
    expect((await post(`${MPESA_CALLBACK_PATH}/${reference}`, callback(checkoutRequestId, 0, { Amount: 1, MpesaReceiptNumber: 'QFORGED001', PhoneNumber: PAYS_MSISDN }))).status).toBe(200);
    const amount = one<{ amount: number }>('SELECT amount FROM payments WHERE id = ?', payment.id).amount;
    expect((await post(MPESA_CALLBACK_PATH, callback(checkoutRequestId, 0, { Amount: amount, MpesaReceiptNumber: 'QFORGED002', PhoneNumber: 254711000111 }))).status).toBe(200);
    await expect.poll(alerts, { timeout: 5_000, interval: 50 }).toBe(2);
    // Read again every round, each forgery raised its alert once.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(alerts()).toBe(2);
    expect(stateOf(payment.id)).toBe('prompted');
    const whys = kiosk.core.context.db.prepare("SELECT json_extract(details, '$.why') AS why FROM audit_log WHERE action = 'payment.callback-rejected'").all();
    expect(new Set(whys.map((row) => (row as { why: string }).why))).toEqual(new Set(['amount', 'payer']));
    expect(one<{ n: number }>("SELECT count(*) AS n FROM outbox WHERE type = 'mpesa.callback-rejected'").n).toBe(2);
    // The citizen approves: the genuine callback, confirmed by Daraja's query, pays the bill.
    await expect.poll(() => stateOf(payment.id), { timeout: 10_000, interval: 50 }).toBe('paid');
    const state = (await (await fetch(`${daraja.url}/__simulator/state`)).json()) as { transactions: { result: { receiptNumber: string } }[] };
    const [genuine] = state.transactions;
    expect(one<{ provider_reference: string }>('SELECT provider_reference FROM payments WHERE id = ?', payment.id).provider_reference).toBe(genuine!.result.receiptNumber);
  });

  it('a forged "cancelled by the customer" before the citizen approves cancels nothing: Daraja still says pending, and the payment the citizen then makes counts', async () => {
    const { bill, payment, checkoutRequestId, reference } = await pay();
    expect((await post(`${MPESA_CALLBACK_PATH}/${reference}`, callback(checkoutRequestId, 1032))).status).toBe(200);
    // The kiosk has read it (and asked Daraja) several rounds over, and the bill is still blocked.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(stateOf(payment.id)).toBe('prompted');
    const again = await kiosk.core.invoke('payments.payByMpesa', { billId: bill.id, idempotencyKey: randomUUID(), phone: PAYS });
    expect(again).toMatchObject({ ok: false, error: { code: 'payment.inProgress' } });
    await expect.poll(() => stateOf(payment.id), { timeout: 10_000, interval: 50 }).toBe('paid');
    expect(one<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'payment.cancelled'").n).toBe(0);
  });

  it('another kiosk naming this kiosk’s pushes or attempts reads nothing; the open route is rate-limited per address', async () => {
    const { payment, checkoutRequestId, reference } = await pay();
    await expect.poll(() => stateOf(payment.id), { timeout: 10_000, interval: 50 }).toBe('paid');
    const stranger = await hub.addKiosk('kiosk-stranger');
    const asked = await fetch(`${hub.url}${SYNC_PATHS.mpesaCallbacks}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stranger}` },
      body: JSON.stringify({ checkoutRequestIds: [checkoutRequestId], attemptReferences: [reference] }),
    });
    expect(await asked.json()).toEqual({ callbacks: [] });

    const limited = await startTestHub({ callbacksPerMinute: 5 });
    try {
      const statuses = [];
      for (let i = 0; i < 8; i++) {
        const answer = await fetch(`${limited.url}${MPESA_CALLBACK_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(callback(`ws_CO_burst_${i}`, 1032)) });
        statuses.push(answer.status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
      expect(limited.store.db.prepare('SELECT count(*) AS n FROM mpesa_callbacks').get()).toEqual({ n: 5 });
    } finally {
      await limited.close();
    }
  });

  it('money M-Pesa took that no payment claims is listed for the back office, and the kiosk’s own on its day screen; a claimed receipt is not', async () => {
    const { payment, checkoutRequestId } = await pay();
    await expect.poll(() => stateOf(payment.id), { timeout: 10_000, interval: 50 }).toBe('paid');
    const receipt = one<{ provider_reference: string }>('SELECT provider_reference FROM payments WHERE id = ?', payment.id).provider_reference;
    // A push nobody's payment knows (e.g. a kiosk that lost the attempt entirely).
    await post(`${MPESA_CALLBACK_PATH}/NT0000000000`, callback('ws_CO_orphan', 0, { Amount: 1450, MpesaReceiptNumber: 'QORPHAN001', PhoneNumber: PAYS_MSISDN }));
    const unclaimed = async () =>
      ((await (await fetch(`${hub.url}/admin/v1/mpesa/unclaimed`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } })).json()) as { unclaimed: { receiptNumber: string }[] }).unclaimed.map(
        (row) => row.receiptNumber,
      );
    // Once the kiosk's payment.paid reaches the hub, its receipt is claimed; the orphan stays.
    await expect.poll(unclaimed, { timeout: 10_000, interval: 100 }).toEqual(['QORPHAN001']);
    expect(receipt).not.toBe('QORPHAN001');
    expect((await fetch(`${hub.url}/admin/v1/mpesa/unclaimed`)).status).toBe(401);
    // A second charge M-Pesa reports for this kiosk's own push, after its payment settled: the kiosk's day screen shows it.
    await post(MPESA_CALLBACK_PATH, callback(checkoutRequestId, 0, { Amount: 1450, MpesaReceiptNumber: 'QSECOND001', PhoneNumber: PAYS_MSISDN }));
    await expect.poll(() => lastUnclaimedMpesa(kiosk.core.context.local).map((row) => row.receiptNumber), { timeout: 15_000, interval: 100 }).toEqual(['QSECOND001']);
    expect(await unclaimed()).toEqual(['QORPHAN001', 'QSECOND001']);
  });
});
