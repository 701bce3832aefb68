import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { createKioskCore, type KioskCore } from '../../electron/core/kiosk-core';
import { MPESA_CALLBACK_PATH } from '../../electron/core/sync/protocol';
import { addKiosk } from '../../hub/admin-commands';
import { SqliteHubStore } from '../../hub/store/sqlite/sqlite-hub-store';
import { startHubProcess } from '../support/hub-process';
import { FAST_POLLING, seedPaymentDemo } from '../support/payment-kiosk';
import { startServiceProcess } from '../support/service-process';
import { fastSyncSettings } from '../support/test-hub';

const childScript = path.resolve(import.meta.dirname, '../support/payment-child.ts');
/** The simulator holds this payer's push answer (slowAnswerMs) while the customer pays. */
const SLOW_ANSWER = '0799000001';
const DOUBT_WINDOW_SECONDS = 4;

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

/**
 * A kiosk, its hub, M-Pesa (the Daraja simulator) and the card terminal, each in its own
 * process, the way Safaricom, the back office and a terminal outlive a kiosk.
 */
async function fleet(options: { darajaUrl?: string } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-crash-'));
  const databaseFile = path.join(dir, 'kiosk.sqlite');
  seedPaymentDemo(databaseFile);
  const hubFile = path.join(dir, 'hub.sqlite');
  const hubStore = new SqliteHubStore(hubFile);
  const token = await addKiosk(hubStore, 'kiosk-crash');
  await hubStore.close();
  const hub = await startHubProcess(hubFile);
  const daraja = await startServiceProcess('electron/core/simulators/daraja/cli.ts', ['--result-ms', '800', '--slow-answer-ms', '2500']);
  const card = await startServiceProcess('electron/core/simulators/card/cli.ts', ['--delay-ms', '2500']);
  let core: KioskCore | undefined;
  const children: ChildProcess[] = [];
  cleanup.push(async () => {
    for (const child of children) child.kill('SIGKILL');
    core?.close();
    await core?.paymentsIdle();
    await Promise.all([hub.stop(), daraja.stop(), card.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });
  const settings = {
    ...fastSyncSettings(hub.url, token, { mpesaCallbackIntervalSeconds: 0.3, downloadIntervalSeconds: 600 }),
    mpesa: { baseUrl: options.darajaUrl ?? daraja.url, callbackUrl: `${hub.url}${MPESA_CALLBACK_PATH}`, requestTimeoutMs: 10_000 },
    card: { terminalUrl: card.url, chargeTimeoutMs: 10_000 },
    payments: { ...FAST_POLLING, doubtWindowSeconds: DOUBT_WINDOW_SECONDS, doubtRecheckMs: 300 },
  };
  const spawnKiosk = async (...args: string[]) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, databaseFile, JSON.stringify(settings), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
    return { child, printed: JSON.parse(line) as { id?: string } };
  };
  const restart = () => {
    core = createKioskCore({ databaseFile, settings, version: 'restarted' });
    return core;
  };
  const darajaPushes = async () => ((await (await fetch(`${daraja.url}/__simulator/state`)).json()) as { transactions: { amount: number; result?: { receiptNumber?: string } }[] }).transactions;
  const cardCharges = async () => ((await (await fetch(`${card.url}/__simulator/charges`)).json()) as { charges: { approvalCode: string }[] }).charges;
  const cardLast = async () => ((await (await fetch(`${card.url}/v1/transactions/last`)).json()) as { transaction: { status: string } | null }).transaction;
  return { spawnKiosk, restart, darajaPushes, cardCharges, cardLast };
}

const killed = async (child: ChildProcess) => {
  child.kill('SIGKILL');
  if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
  expect(child.signalCode).toBe('SIGKILL');
};
const rows = (core: KioskCore, sql: string, ...args: unknown[]) => core.context.db.prepare(sql).all(...args);
const stateOf = (core: KioskCore) => (core.context.db.prepare('SELECT state FROM payments').get() as { state: string }).state;

describe('a kiosk killed (SIGKILL) between sending a payment and recording its answer', () => {
  it('M-Pesa, repeated: the push M-Pesa accepted ends in exactly one paid payment, and the bill is never payable again meanwhile', async () => {
    for (let round = 0; round < 2; round++) {
      const { spawnKiosk, restart, darajaPushes } = await fleet();
      const { child, printed: bill } = await spawnKiosk('mpesa', SLOW_ANSWER);
      // Killed once M-Pesa has the push, while the kiosk still waits for its answer.
      await expect.poll(async () => (await darajaPushes()).length, { timeout: 10_000, interval: 20 }).toBe(1);
      await killed(child);
      const core = restart();
      // In doubt, not expired: the bill stays blocked, and says why.
      expect(rows(core, 'SELECT state, reason, checkout_request_id FROM payments')).toEqual([{ state: 'in_doubt', reason: 'interrupted', checkout_request_id: null }]);
      await core.invoke('visit.start', { locale: 'en' });
      const again = await core.invoke('payments.payByMpesa', { billId: bill.id, idempotencyKey: 'second-attempt-0001', phone: '0708374149' });
      expect(again).toMatchObject({ ok: false, error: { code: 'payment.inProgress' } });
      // The callback reached the hub under the attempt's reference; the kiosk finds it there and Daraja confirms it.
      await expect.poll(() => stateOf(core), { timeout: 15_000, interval: 100 }).toBe('paid');
      const [push] = await darajaPushes();
      expect(rows(core, 'SELECT provider_reference, amount FROM payments')).toEqual([{ provider_reference: push!.result!.receiptNumber, amount: 1450 }]);
      expect(await darajaPushes()).toHaveLength(1);
      expect(rows(core, "SELECT count(*) AS n FROM outbox WHERE type = 'payment.paid'")).toEqual([{ n: 1 }]);
      expect(rows(core, 'SELECT status FROM bills')).toEqual([{ status: 'paid' }]);
      for (const step of cleanup.splice(0).reverse()) await step();
    }
  }, 120_000);

  it('M-Pesa with no record anywhere: in doubt until the window passes, counted from the push across restarts every second, then closed unpaid', async () => {
    // A Daraja that takes the connection and never answers: the push may or may not have arrived.
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => new Promise<void>((resolve) => silent.close(() => resolve())));
    const { spawnKiosk, restart } = await fleet({ darajaUrl: `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}` });
    const { child } = await spawnKiosk('mpesa', '0708374149');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await killed(child);
    const startedAt = Date.now();
    // Restarted and killed again and again, for longer than the window.
    while (Date.now() - startedAt < (DOUBT_WINDOW_SECONDS + 1) * 1000) {
      const again = await spawnKiosk('resume');
      await new Promise((resolve) => setTimeout(resolve, 700));
      await killed(again.child);
    }
    const core = restart();
    // The window counted from the push, not from this start: the next record search closes it.
    await expect.poll(() => stateOf(core), { timeout: 3_000, interval: 100 }).toBe('expired');
    expect(rows(core, 'SELECT reason FROM payments')).toEqual([{ reason: 'no-provider-record' }]);
    expect(rows(core, "SELECT status FROM bills")).toEqual([{ status: 'unpaid' }]);
  }, 120_000);

  it('card, repeated: a charge the terminal had is settled from its last transaction, never charged again', async () => {
    for (let round = 0; round < 2; round++) {
      const { spawnKiosk, restart, cardCharges, cardLast } = await fleet();
      const { child } = await spawnKiosk('card');
      await expect.poll(async () => (await cardLast())?.status, { timeout: 10_000, interval: 20 }).toBe('in-progress');
      await killed(child);
      const core = restart();
      expect(rows(core, 'SELECT state, reason FROM payments')).toEqual([{ state: 'in_doubt', reason: 'interrupted' }]);
      await expect.poll(() => stateOf(core), { timeout: 10_000, interval: 100 }).toBe('paid');
      const charges = await cardCharges();
      expect(charges).toHaveLength(1);
      expect(rows(core, 'SELECT provider_reference FROM payments')).toEqual([{ provider_reference: charges[0]!.approvalCode }]);
      for (const step of cleanup.splice(0).reverse()) await step();
    }
  }, 120_000);
});
