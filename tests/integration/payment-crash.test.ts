import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createKioskCore, type KioskCore } from '../../electron/core/kiosk-core';
import { MPESA_CALLBACK_PATH } from '../../shared/sync/protocol';
import { addKiosk } from '../../hub/admin-commands';
import { SqliteHubStore } from '../../hub/store/sqlite/sqlite-hub-store';
import { startHubProcess, type HubProcess } from '../support/hub-process';
import { FAST_POLLING, seedPaymentDemo } from '../support/payment-kiosk';
import { startServiceProcess, type ServiceProcess } from '../support/service-process';
import { fastSyncSettings } from '../support/fast-sync-settings';

const childScript = path.resolve(import.meta.dirname, '../support/payment-child.ts');
/** The simulator holds this payer's push answer (slowAnswerMs) while the customer pays. */
const SLOW_ANSWER = '0799000001';
const DOUBT_WINDOW_SECONDS = 10;

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

/**
 * The hub, M-Pesa (the Daraja simulator) and the card terminal, each in its own process, the
 * way Safaricom, the back office and a terminal outlive a kiosk; started once for the file.
 */
let hubFile: string;
let hub: HubProcess;
let daraja: ServiceProcess;
let card: ServiceProcess;
let servicesDir: string;
beforeAll(async () => {
  servicesDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-crash-services-'));
  hubFile = path.join(servicesDir, 'hub.sqlite');
  await new SqliteHubStore(hubFile).close();
  [hub, daraja, card] = await Promise.all([
    startHubProcess(hubFile),
    startServiceProcess('electron/simulators/daraja/cli.ts', ['--result-ms', '800', '--slow-answer-ms', '2500']),
    startServiceProcess('electron/simulators/card/cli.ts', ['--delay-ms', '2500']),
  ]);
}, 90_000);
afterAll(async () => {
  await Promise.all([hub?.stop(), daraja?.stop(), card?.stop()]);
  rmSync(servicesDir, { recursive: true, force: true });
});

const darajaPushes = async () =>
  ((await (await fetch(`${daraja.url}/__simulator/state`)).json()) as { transactions: { amount: number; result?: { receiptNumber?: string } }[] }).transactions;
const cardCharges = async () => ((await (await fetch(`${card.url}/__simulator/charges`)).json()) as { charges: { approvalCode: string }[] }).charges;
const cardLast = async () => ((await (await fetch(`${card.url}/v1/transactions/last`)).json()) as { transaction: { status: string } | null }).transaction;

/** A new kiosk (its own database, registered at the hub) talking to those services. */
async function kiosk(options: { darajaUrl?: string } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-crash-'));
  const databaseFile = path.join(dir, 'kiosk.sqlite');
  seedPaymentDemo(databaseFile);
  // The hub serves while a second connection registers the kiosk (WAL), as `npm run hub -- admin add-kiosk` does.
  const hubStore = new SqliteHubStore(hubFile);
  const token = await addKiosk(hubStore, `kiosk-${path.basename(dir)}`);
  await hubStore.close();
  let core: KioskCore | undefined;
  const children: ChildProcess[] = [];
  cleanup.push(async () => {
    for (const child of children) child.kill('SIGKILL');
    core?.close();
    await core?.paymentsIdle();
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
  return { spawnKiosk, restart };
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
      const { spawnKiosk, restart } = await kiosk();
      const pushesBefore = (await darajaPushes()).length;
      const { child, printed: bill } = await spawnKiosk('mpesa', SLOW_ANSWER);
      // Killed once M-Pesa has the push, while the kiosk still waits for its answer.
      await expect.poll(async () => (await darajaPushes()).length, { timeout: 10_000, interval: 20 }).toBe(pushesBefore + 1);
      await killed(child);
      const core = restart();
      // In doubt, not expired: the bill stays blocked, and says why.
      expect(rows(core, 'SELECT state, reason, checkout_request_id FROM payments')).toEqual([{ state: 'in_doubt', reason: 'interrupted', checkout_request_id: null }]);
      await core.invoke('visit.start', { locale: 'en' });
      const again = await core.invoke('payments.payByMpesa', { billId: bill.id, idempotencyKey: 'second-attempt-0001', phone: '0708374149' });
      expect(again).toMatchObject({ ok: false, error: { code: 'payment.inProgress' } });
      // The callback reached the hub under the attempt's reference; the kiosk finds it there and Daraja confirms it.
      await expect.poll(() => stateOf(core), { timeout: 15_000, interval: 100 }).toBe('paid');
      const pushes = await darajaPushes();
      // M-Pesa was asked once for this bill: no second push, whatever the restarts.
      expect(pushes).toHaveLength(pushesBefore + 1);
      expect(rows(core, 'SELECT provider_reference, amount FROM payments')).toEqual([{ provider_reference: pushes.at(-1)!.result!.receiptNumber, amount: 1450 }]);
      expect(rows(core, "SELECT count(*) AS n FROM outbox WHERE type = 'payment.paid'")).toEqual([{ n: 1 }]);
      expect(rows(core, 'SELECT status FROM bills')).toEqual([{ status: 'paid' }]);
      for (const step of cleanup.splice(0).reverse()) await step();
    }
  }, 180_000);

  it('M-Pesa with no record anywhere: in doubt until the window passes, counted from the push across restarts every second, then closed unpaid', async () => {
    // A Daraja that takes the connection and never answers: the push may or may not have arrived.
    const held = new Set<net.Socket>();
    const silent = net.createServer((socket) => held.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanup.push(
      () =>
        new Promise<void>((resolve) => {
          for (const socket of held) socket.destroy();
          silent.close(() => resolve());
        }),
    );
    const { spawnKiosk, restart } = await kiosk({ darajaUrl: `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}` });
    const { child } = await spawnKiosk('mpesa', '0708374149');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await killed(child);
    const sentAt = Date.now();
    // Restarted and killed again and again, for longer than the window.
    while (Date.now() - sentAt < (DOUBT_WINDOW_SECONDS + 1) * 1000) {
      const again = await spawnKiosk('resume');
      await new Promise((resolve) => setTimeout(resolve, 700));
      await killed(again.child);
    }
    const restartedAt = Date.now();
    const core = restart();
    await expect.poll(() => stateOf(core), { timeout: 20_000, interval: 100 }).toBe('expired');
    // The window counted from the push, not from this start: closed well before a fresh window would end.
    const { settled_at: settledAt, reason } = core.context.db.prepare('SELECT settled_at, reason FROM payments').get() as { settled_at: string; reason: string };
    expect(reason).toBe('no-provider-record');
    expect(Date.parse(settledAt)).toBeLessThan(restartedAt + DOUBT_WINDOW_SECONDS * 1000);
    expect(rows(core, "SELECT status FROM bills")).toEqual([{ status: 'unpaid' }]);
  }, 180_000);

  it('card, repeated: a charge the terminal had is settled from its last transaction, never charged again', async () => {
    for (let round = 0; round < 2; round++) {
      const { spawnKiosk, restart } = await kiosk();
      const chargesBefore = (await cardCharges()).length;
      const { child } = await spawnKiosk('card');
      await expect.poll(async () => (await cardLast())?.status, { timeout: 10_000, interval: 20 }).toBe('in-progress');
      await killed(child);
      const core = restart();
      expect(rows(core, 'SELECT state, reason FROM payments')).toEqual([{ state: 'in_doubt', reason: 'interrupted' }]);
      await expect.poll(() => stateOf(core), { timeout: 10_000, interval: 100 }).toBe('paid');
      const charges = await cardCharges();
      expect(charges).toHaveLength(chargesBefore + 1);
      expect(rows(core, 'SELECT provider_reference FROM payments')).toEqual([{ provider_reference: charges.at(-1)!.approvalCode }]);
      for (const step of cleanup.splice(0).reverse()) await step();
    }
  }, 180_000);
});
