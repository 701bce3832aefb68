import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BillView, PaymentView } from '../../shared/contract/payments';
import { startDarajaSimulator, type DarajaSimulator } from '../../electron/simulators/daraja/daraja-simulator';
import { stkCallbackBody } from '../../electron/simulators/daraja/stk-callback-body';
import type { SimulatedTransaction } from '../../electron/simulators/daraja/simulated-transaction';
import { MPESA_CALLBACK_PATH, SYNC_PATHS } from '../../shared/sync/protocol';
import { FaultProxy } from '../support/fault-proxy';
import { FAST_POLLING, FAST_SIMULATOR, seedPaymentDemo } from '../support/payment-kiosk';
import { tempKiosk, type TempKiosk } from '../support/temp-kiosk';
import { startTestHub, type TestHub } from '../support/test-hub';
import { fastSyncSettings } from '../support/fast-sync-settings';

const PAYS = '0708374149';
const DUPLICATE_CALLBACK = '0799000003';
const LOST_CALLBACK = '0799000004';
const CANCELS = '0700001032';

/**
 * The production path for receipts: Daraja's query answer carries no receipt number (the
 * simulator is run without its extension here), Safaricom posts the callback to the hub's
 * public address, and the kiosk fetches it from the hub over the sync protocol.
 */
describe('M-Pesa callbacks through the hub', () => {
  let hub: TestHub;
  let daraja: DarajaSimulator;
  /** Between the kiosk and the hub: the kiosk's side of the network can fail. */
  let proxy: FaultProxy;
  let kiosk: TempKiosk;
  let kioskToken: string;

  async function call<T>(name: string, payload: unknown): Promise<T> {
    const result = await kiosk.core.invoke(name, payload);
    if (!result.ok) throw new Error(`${name}: ${result.error.code}`);
    return result.value as T;
  }
  const pay = async (phone: string) =>
    call<PaymentView>('payments.payByMpesa', { billId: (await call<BillView>('payments.billForRenewal', { years: 1 })).id, idempotencyKey: randomUUID(), phone });
  const status = (paymentId: string) => call<PaymentView>('payments.status', { paymentId });
  const transactions = async () => ((await (await fetch(`${daraja.url}/__simulator/state`)).json()) as { transactions: SimulatedTransaction[] }).transactions;
  const kept = () => hub.store.db.prepare('SELECT checkout_request_id AS id FROM mpesa_callbacks').all() as { id: string }[];
  /** The M-Pesa receipt number the payment was settled with. */
  const mpesaReceipt = (paymentId: string) =>
    (kiosk.core.context.db.prepare('SELECT provider_reference AS receipt FROM payments WHERE id = ?').get(paymentId) as { receipt: string | null }).receipt;
  const count = (sql: string) => (kiosk.core.context.db.prepare(sql).get() as { n: number }).n;
  const postCallback = (body: unknown) => fetch(`${hub.url}${MPESA_CALLBACK_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeEach(async () => {
    hub = await startTestHub();
    daraja = await startDarajaSimulator({ delays: FAST_SIMULATOR, receiptInQuery: false });
    const token = await hub.addKiosk('kiosk-pays');
    kioskToken = token;
    proxy = new FaultProxy(hub.url);
    const hubAsSeenByKiosk = await proxy.listen();
    kiosk = tempKiosk({
      prepare: seedPaymentDemo,
      settings: {
        ...fastSyncSettings(hubAsSeenByKiosk, token, { mpesaCallbackIntervalSeconds: 0.2, downloadIntervalSeconds: 600 }),
        mpesa: { simulator: false, baseUrl: daraja.url, callbackUrl: `${hub.url}${MPESA_CALLBACK_PATH}`, requestTimeoutMs: 2_000 },
        payments: FAST_POLLING,
      },
    });
    await call('visit.start', { locale: 'en' });
  });
  afterEach(async () => {
    await kiosk.dispose();
    await kiosk.core.paymentsIdle();
    await daraja.close();
    await proxy.close();
    await hub.close();
  });

  it('settles a payment with the receipt number from the callback Safaricom posted to the hub', async () => {
    const started = await pay(PAYS);
    await expect.poll(async () => (await status(started.id)).state, { timeout: 8_000, interval: 50 }).toBe('paid');
    const [charged] = await transactions();
    expect(mpesaReceipt(started.id)).toBe(charged!.result!.receiptNumber);
    expect(kept().map((row) => row.id)).toEqual([charged!.checkoutRequestId]);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'payment.paid'")).toBe(1);
  });

  it('gets the receipt across a network that fails the kiosk in every way, recording the payment once', async () => {
    proxy.inject(SYNC_PATHS.mpesaCallbacks, '500', '429', 'hang', 'reset', 'lost-answer', 'duplicate');
    const started = await pay(PAYS);
    await expect.poll(async () => (await status(started.id)).state, { timeout: 15_000, interval: 50 }).toBe('paid');
    expect(proxy.pending(SYNC_PATHS.mpesaCallbacks)).toBe(0);
    const [charged] = await transactions();
    expect(mpesaReceipt(started.id)).toBe(charged!.result!.receiptNumber);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'payment.paid'")).toBe(1);
    expect(count("SELECT count(*) AS n FROM outbox WHERE type = 'payment.paid'")).toBe(1);
  });

  it('keeps a repeated callback once at the hub, and the kiosk records the payment once', async () => {
    const started = await pay(DUPLICATE_CALLBACK);
    await expect.poll(async () => (await transactions())[0]?.callbacksDelivered, { timeout: 8_000, interval: 50 }).toBe(2);
    await expect.poll(async () => (await status(started.id)).state, { timeout: 8_000, interval: 50 }).toBe('paid');
    // Every distinct body is kept for the kiosk to judge; an exact repeat is kept once.
    expect(new Set(kept().map((row) => row.id)).size).toBe(1);
    expect(hub.store.db.prepare('SELECT count(*) AS n FROM mpesa_callbacks GROUP BY body_hash HAVING n > 1').all()).toEqual([]);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'payment.paid'")).toBe(1);
    expect(count("SELECT count(*) AS n FROM outbox WHERE type = 'payment.paid'")).toBe(1);
  });

  it('waits, confirmed, while the callback is lost, and is paid when it reaches the hub late', async () => {
    const started = await pay(LOST_CALLBACK);
    await expect.poll(async () => (await status(started.id)).confirmed, { timeout: 8_000, interval: 50 }).toBe(true);
    // Beyond the polling limit: still prompted, never given up on, no receipt invented.
    await kiosk.core.paymentsIdle();
    expect(await status(started.id)).toMatchObject({ state: 'prompted', confirmed: true, receiptNumber: null });
    expect(mpesaReceipt(started.id)).toBeNull();
    const [transaction] = await transactions();
    const answer = await postCallback(stkCallbackBody(transaction!, transaction!.result!, 1));
    expect(await answer.json()).toEqual({ ResultCode: 0, ResultDesc: 'Accepted' });
    await expect.poll(async () => (await status(started.id)).state, { timeout: 5_000, interval: 50 }).toBe('paid');
    expect(mpesaReceipt(started.id)).toBe(transaction!.result!.receiptNumber);
  });

  it('settles a failure the query already reported, and the callback after it changes nothing', async () => {
    const started = await pay(CANCELS);
    await expect.poll(async () => (await status(started.id)).state, { timeout: 8_000, interval: 50 }).toBe('cancelled');
    await expect.poll(() => kept().length, { timeout: 5_000, interval: 50 }).toBe(1);
    const before = count('SELECT count(*) AS n FROM audit_log');
    // Two fetch rounds later the kept callback has been offered to a settled payment: nothing is written.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await status(started.id)).state).toBe('cancelled');
    expect(count('SELECT count(*) AS n FROM audit_log')).toBe(before);
  });

  it('refuses at the hub what is not an STK callback, keeping nothing', async () => {
    for (const body of [{}, { Body: { stkCallback: { CheckoutRequestID: 'ws_CO_1' } } }, { Body: { stkCallback: { MerchantRequestID: 'm', CheckoutRequestID: '', ResultCode: 0 } } }, 'x']) {
      const answer = await postCallback(body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
    }
    const huge = await postCallback({ Body: { stkCallback: { MerchantRequestID: 'm', CheckoutRequestID: 'ws_CO_2', ResultCode: 0, ResultDesc: 'x'.repeat(20_000) } } });
    expect(huge.status).toBe(413);
    expect(kept()).toEqual([]);
  });

  it('gives a kiosk only the callbacks of its own pushes, and nothing without its token', async () => {
    const paid = await pay(PAYS);
    await expect.poll(async () => (await status(paid.id)).state, { timeout: 8_000, interval: 50 }).toBe('paid');
    const [mine] = await transactions();
    const ask = (ids: string[], authorization?: string) =>
      fetch(`${hub.url}${SYNC_PATHS.mpesaCallbacks}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization && { authorization }) },
        body: JSON.stringify({ checkoutRequestIds: ids }),
      });
    expect((await ask([mine!.checkoutRequestId])).status).toBe(401);
    const other = await hub.addKiosk('kiosk-other');
    expect(await (await ask(['ws_CO_not_a_push'], `Bearer ${other}`)).json()).toEqual({ callbacks: [] });
    type Answer = { callbacks: Array<{ body: { Body: { stkCallback: { CheckoutRequestID: string } } } }> };
    // The push belongs to the kiosk that asked for it first: another kiosk naming it reads nothing.
    expect(await (await ask([mine!.checkoutRequestId, 'ws_CO_not_a_push'], `Bearer ${other}`)).json()).toEqual({ callbacks: [] });
    const own = (await (await ask([mine!.checkoutRequestId], `Bearer ${kioskToken}`)).json()) as Answer;
    expect(own.callbacks.map(({ body }) => body.Body.stkCallback.CheckoutRequestID)).toEqual([mine!.checkoutRequestId]);
    expect((await ask([], `Bearer ${other}`)).status).toBe(400);
  });
});
