import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../electron/core/clock';
import { DarajaClient, type DarajaClientOptions } from '../../electron/core/payments/mpesa/daraja-client';
import { DEMO_DARAJA_CREDENTIALS } from '../../electron/core/settings/demo-credentials';
import type { MpesaGateway } from '../../electron/core/payments/mpesa/mpesa-gateway';
import {
  MpesaInvalidRequestError,
  MpesaRejectedError,
  MpesaTimeoutError,
  MpesaUnavailableError,
} from '../../electron/core/payments/mpesa/mpesa-errors';
import { describeResultCode } from '../../electron/core/payments/mpesa/result-codes';
import type { SettledStkOutcome } from '../../electron/core/payments/mpesa/stk-outcome';
import { startDarajaSimulator, type DarajaSimulator } from '../../electron/simulators/daraja/daraja-simulator';

const PAYS = '+254708374149';
const CANCELS = '+254700001032';
const UNREACHABLE = '+254700001037';
const SLOW_ANSWER = '+254799000001';
const NO_ANSWER = '+254799000002';
const DUPLICATE_CALLBACK = '+254799000003';
const LOST_CALLBACK = '+254799000004';

const delays = { resultMs: 150, slowAnswerMs: 1_500, noAnswerMs: 600, duplicateCallbackGapMs: 50 };
const bill = { amount: 650, accountReference: 'NTSA-DL-0042', description: 'DL renewal' };

interface SimulatorState {
  tokensIssued: number;
  transactions: { checkoutRequestId: string; accountReference: string; callbacksDelivered: number; result?: { receiptNumber?: string } }[];
}

/** Stands in for the back office: receives Daraja's callbacks over HTTP. */
async function startCallbackReceiver() {
  const bodies: unknown[] = [];
  const app = Fastify();
  app.post('/mpesa/stk-callback', async (request) => {
    bodies.push(request.body);
    return { ResultCode: 0, ResultDesc: 'Accepted' };
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  const forPush = (checkoutRequestId: string) => bodies.filter((body) => JSON.stringify(body).includes(checkoutRequestId));
  return {
    url: `http://127.0.0.1:${port}/mpesa/stk-callback`,
    forPush,
    async waitFor(checkoutRequestId: string, count: number): Promise<unknown[]> {
      await expect.poll(() => forPush(checkoutRequestId).length, { timeout: 3_000, interval: 25 }).toBeGreaterThanOrEqual(count);
      return forPush(checkoutRequestId);
    },
    close: () => app.close(),
  };
}

let simulator: DarajaSimulator;
let receiver: Awaited<ReturnType<typeof startCallbackReceiver>>;

const client = (overrides: Partial<DarajaClientOptions> = {}) =>
  new DarajaClient({ baseUrl: simulator.url, ...DEMO_DARAJA_CREDENTIALS, callbackUrl: receiver.url, requestTimeoutMs: 2_000, ...overrides });

async function simulatorState(): Promise<SimulatorState> {
  return (await (await fetch(`${simulator.url}/__simulator/state`)).json()) as SimulatorState;
}

/** Polls the query the way the payment service will, until the push is final. */
async function settleByQuery(gateway: MpesaGateway, checkoutRequestId: string): Promise<SettledStkOutcome> {
  for (const started = Date.now(); Date.now() - started < 5_000; ) {
    const outcome = await gateway.query(checkoutRequestId);
    if (outcome.state !== 'pending') return outcome;
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
  throw new Error(`push ${checkoutRequestId} did not settle`);
}

beforeAll(async () => {
  simulator = await startDarajaSimulator({ delays });
  receiver = await startCallbackReceiver();
});

afterAll(async () => {
  await simulator.close();
  await receiver.close();
});

describe('OAuth token', () => {
  it('is fetched once for several pushes and renewed once it nears expiry', async () => {
    const clock = manualClock('2025-03-01T06:00:00Z');
    const gateway = client({ clock });
    const before = (await simulatorState()).tokensIssued;

    await Promise.all([gateway.push({ ...bill, phone: PAYS }), gateway.push({ ...bill, phone: PAYS })]);
    await gateway.push({ ...bill, phone: PAYS });
    expect((await simulatorState()).tokensIssued).toBe(before + 1);

    clock.advance((3599 - 60 - 1) * 1000);
    await gateway.push({ ...bill, phone: PAYS });
    expect((await simulatorState()).tokensIssued).toBe(before + 1);

    clock.advance(2_000);
    await gateway.push({ ...bill, phone: PAYS });
    expect((await simulatorState()).tokensIssued).toBe(before + 2);
  });

  it('is renewed once when Daraja stops accepting it', async () => {
    const gateway = client();
    await gateway.push({ ...bill, phone: PAYS });
    const before = (await simulatorState()).tokensIssued;
    await fetch(`${simulator.url}/__simulator/revoke-tokens`, { method: 'POST' });

    await expect(gateway.push({ ...bill, phone: PAYS })).resolves.toHaveProperty('checkoutRequestId');
    expect((await simulatorState()).tokensIssued).toBe(before + 1);
  });
});

describe('STK push outcomes', () => {
  it('pays: the callback carries the receipt, read by name whatever the item order', async () => {
    const gateway = client();
    const pushes = await Promise.all([1, 2, 3].map(() => gateway.push({ ...bill, phone: PAYS })));
    const orders = new Set<string>();

    for (const push of pushes) {
      const [body] = await receiver.waitFor(push.checkoutRequestId, 1);
      const callback = gateway.parseStkCallback(body);
      const stored = (await simulatorState()).transactions.find((t) => t.checkoutRequestId === push.checkoutRequestId);
      expect(callback).toMatchObject({ checkoutRequestId: push.checkoutRequestId, merchantRequestId: push.merchantRequestId });
      expect(callback.outcome).toEqual({
        state: 'paid',
        receipt: { receiptNumber: stored?.result?.receiptNumber, amount: 650, phone: '254708374149', transactionDate: expect.stringMatching(/^\d{14}$/) },
      });
      orders.add(JSON.stringify((body as { Body: { stkCallback: { CallbackMetadata: { Item: { Name: string }[] } } } }).Body.stkCallback.CallbackMetadata.Item.map((i) => i.Name)));
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it('is pending until the customer answers', async () => {
    const gateway = client();
    const push = await gateway.push({ ...bill, phone: NO_ANSWER });
    await expect(gateway.query(push.checkoutRequestId)).resolves.toEqual({ state: 'pending' });
    await expect(settleByQuery(gateway, push.checkoutRequestId)).resolves.toMatchObject({ state: 'failed', resultCode: 1037 });
  });

  it('reports 1032 when the customer cancels: query and callback agree, no metadata', async () => {
    const gateway = client();
    const push = await gateway.push({ ...bill, phone: CANCELS });
    const outcome = await settleByQuery(gateway, push.checkoutRequestId);
    expect(outcome).toEqual({ state: 'failed', resultCode: 1032, resultDesc: 'Request cancelled by user' });

    const [body] = await receiver.waitFor(push.checkoutRequestId, 1);
    expect(JSON.stringify(body)).not.toContain('CallbackMetadata');
    expect(gateway.parseStkCallback(body).outcome).toEqual(outcome);
    expect(describeResultCode(1032).nextStep).toBe('try-again');
  });

  it('reports 1037 when the phone cannot be reached', async () => {
    const gateway = client();
    const push = await gateway.push({ ...bill, phone: UNREACHABLE });
    await expect(settleByQuery(gateway, push.checkoutRequestId)).resolves.toMatchObject({ state: 'failed', resultCode: 1037 });
    expect(describeResultCode(1037).nextStep).toBe('check-phone-then-retry');
  });

  it('settles by query when the callback never comes (simulator query carries the receipt)', async () => {
    const gateway = client();
    const push = await gateway.push({ ...bill, phone: LOST_CALLBACK });
    const outcome = await settleByQuery(gateway, push.checkoutRequestId);

    const stored = (await simulatorState()).transactions.find((t) => t.checkoutRequestId === push.checkoutRequestId);
    expect(outcome).toEqual({ state: 'paid', receipt: { receiptNumber: stored?.result?.receiptNumber } });
    expect(stored?.callbacksDelivered).toBe(0);
    expect(receiver.forPush(push.checkoutRequestId)).toHaveLength(0);
  });

  it('delivers a duplicated callback twice, with the same receipt', async () => {
    const gateway = client();
    const push = await gateway.push({ ...bill, phone: DUPLICATE_CALLBACK });
    const bodies = await receiver.waitFor(push.checkoutRequestId, 2);

    const [first, second] = bodies.map((body) => gateway.parseStkCallback(body));
    expect(bodies).toHaveLength(2);
    expect(first?.outcome.state).toBe('paid');
    expect(second).toEqual(first);
  });
});

describe('failures are typed', () => {
  it('refuses input that cannot make a Daraja request, before sending anything', async () => {
    const gateway = client();
    await expect(gateway.push({ ...bill, phone: PAYS, amount: 10.5 })).rejects.toBeInstanceOf(MpesaInvalidRequestError);
    await expect(gateway.push({ ...bill, phone: PAYS, amount: 0 })).rejects.toMatchObject({ field: 'amount' });
    await expect(gateway.push({ ...bill, phone: '0712345678' })).rejects.toMatchObject({ field: 'phone' });
    await expect(gateway.push({ ...bill, phone: PAYS, accountReference: '***' })).rejects.toMatchObject({ field: 'accountReference' });
    await expect(gateway.push({ ...bill, phone: PAYS, description: '  ' })).rejects.toMatchObject({ field: 'description' });
  });

  it('cuts a long account reference and description to what Daraja accepts', async () => {
    const push = await client().push({ amount: 1, phone: PAYS, accountReference: 'EC-BILL-2025-000123', description: 'Driving licence renewal, 3 years' });
    const stored = (await simulatorState()).transactions.find((t) => t.checkoutRequestId === push.checkoutRequestId);
    expect(stored?.accountReference).toBe('EC-BILL-2025');
  });

  it("surfaces the simulator's refusals as MpesaRejectedError", async () => {
    await expect(client({ passkey: 'not-the-passkey' }).push({ ...bill, phone: PAYS })).rejects.toMatchObject({
      constructor: MpesaRejectedError,
      operation: 'push',
      errorCode: '500.001.1001',
      errorMessage: 'Wrong credentials',
    });
    await expect(client({ shortcode: '600000' }).push({ ...bill, phone: PAYS })).rejects.toMatchObject({ kind: 'rejected', errorMessage: 'Merchant does not exist' });
    await expect(client({ consumerSecret: 'wrong' }).push({ ...bill, phone: PAYS })).rejects.toMatchObject({
      kind: 'rejected',
      operation: 'oauth',
      errorCode: '400.008.01',
    });
    await expect(client().query('ws_CO_000000000000000000000')).rejects.toMatchObject({
      kind: 'rejected',
      operation: 'query',
      httpStatus: 400,
      errorCode: '400.002.02',
    });
  });

  it('validates push bodies as Daraja does (HTTP 400, Daraja error body)', async () => {
    const tokenAnswer = await fetch(`${simulator.url}/oauth/v1/generate?grant_type=client_credentials`, {
      headers: { Authorization: `Basic ${Buffer.from(`${DEMO_DARAJA_CREDENTIALS.consumerKey}:${DEMO_DARAJA_CREDENTIALS.consumerSecret}`).toString('base64')}` },
    });
    const { access_token: token } = (await tokenAnswer.json()) as { access_token: string };
    const timestamp = '20250301090000';
    const valid = {
      BusinessShortCode: DEMO_DARAJA_CREDENTIALS.shortcode,
      Password: Buffer.from(`${DEMO_DARAJA_CREDENTIALS.shortcode}${DEMO_DARAJA_CREDENTIALS.passkey}${timestamp}`).toString('base64'),
      Timestamp: timestamp,
      TransactionType: 'CustomerPayBillOnline',
      Amount: 650,
      PartyA: '254708374149',
      PartyB: DEMO_DARAJA_CREDENTIALS.shortcode,
      PhoneNumber: '254708374149',
      CallBackURL: receiver.url,
      AccountReference: 'NTSA-DL-0042',
      TransactionDesc: 'DL renewal',
    };
    const post = async (body: unknown) => {
      const response = await fetch(`${simulator.url}/mpesa/stkpush/v1/processrequest`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as { requestId?: string; errorCode?: string; errorMessage?: string } };
    };

    expect((await post(valid)).status).toBe(200);
    const refusals: [Record<string, unknown>, string][] = [
      [{ AccountReference: 'NTSA-DL-00421' }, 'AccountReference'],
      [{ AccountReference: '' }, 'AccountReference'],
      [{ TransactionDesc: '' }, 'TransactionDesc'],
      [{ TransactionDesc: 'DL renewal 3yr' }, 'TransactionDesc'],
      [{ PartyA: '0708374149' }, 'PartyA'],
      [{ PhoneNumber: '+254708374149' }, 'PhoneNumber'],
      [{ PhoneNumber: '254208374149' }, 'PhoneNumber'],
      [{ Amount: 1.5 }, 'Amount'],
      [{ Amount: 0 }, 'Amount'],
      [{ Amount: '-5' }, 'Amount'],
      [{ CallBackURL: undefined }, 'CallBackURL'],
      [{ Timestamp: '20251301090000' }, 'Timestamp'],
      [{ TransactionType: 'PayBill' }, 'TransactionType'],
    ];
    for (const [change, field] of refusals) {
      const answer = await post({ ...valid, ...change });
      expect(answer, field).toEqual({
        status: 400,
        body: { requestId: expect.any(String), errorCode: '400.002.02', errorMessage: `Bad Request - Invalid ${field}` },
      });
    }
    expect(await post({ ...valid, Password: 'bm90IGl0' })).toMatchObject({ status: 500, body: { errorCode: '500.001.1001', errorMessage: 'Wrong credentials' } });
    expect(await post('{"BusinessShortCode": ')).toMatchObject({ status: 400, body: { errorCode: '400.002.05' } });
  });

  it('turns a refused connection into MpesaUnavailableError', async () => {
    const down = await startDarajaSimulator();
    const baseUrl = down.url;
    await down.close();

    const error = await client({ baseUrl }).push({ ...bill, phone: PAYS }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MpesaUnavailableError);
    expect(error).toMatchObject({ operation: 'oauth', reason: 'network' });
  });

  it('turns an answer slower than the timeout into MpesaTimeoutError', async () => {
    const gateway = client({ requestTimeoutMs: 300 });
    await gateway.push({ ...bill, phone: PAYS }); // the token, so only the push is timed
    const started = Date.now();

    await expect(gateway.push({ ...bill, phone: SLOW_ANSWER })).rejects.toMatchObject({ constructor: MpesaTimeoutError, operation: 'push', timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
