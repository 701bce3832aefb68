import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createKioskCore, type KioskCore } from '../../electron/core/kiosk-core';
import { startDarajaSimulator, type DarajaSimulator } from '../../electron/core/simulators/daraja/daraja-simulator';
import { FAST_POLLING, seedPaymentDemo, simulatorTransactions, startCallbackForwarder } from '../support/payment-kiosk';

const childScript = path.resolve(import.meta.dirname, '../support/payment-child.ts');
const PAYS = '0708374149';
const SLOW_ANSWER = '0799000001';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function setUp(phone: string, delays: { resultMs: number; slowAnswerMs?: number }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-crash-'));
  const databaseFile = path.join(dir, 'kiosk.sqlite');
  seedPaymentDemo(databaseFile);
  const simulator: DarajaSimulator = await startDarajaSimulator({ delays });
  let restarted: KioskCore | undefined;
  const forwarder = await startCallbackForwarder(() => restarted);
  const settings = { mpesa: { simulator: false, baseUrl: simulator.url, callbackUrl: forwarder.url, requestTimeoutMs: 5_000 }, payments: FAST_POLLING };
  cleanup.push(async () => {
    restarted?.close();
    await restarted?.paymentsIdle();
    await forwarder.close();
    await simulator.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, databaseFile, JSON.stringify(settings), phone], { stdio: ['ignore', 'pipe', 'inherit'] });
  const restart = () => {
    restarted = createKioskCore({ databaseFile, settings, version: 'restarted' });
    return restarted;
  };
  return { databaseFile, simulator, forwarder, child, restart, settings };
}

const killed = async (child: ReturnType<typeof spawn>) => {
  child.kill('SIGKILL');
  if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
  expect(child.signalCode).toBe('SIGKILL');
};

describe('a kiosk killed (SIGKILL) in the middle of an M-Pesa payment', () => {
  it('between the push and its result: on restart the payment is resumed by query and settled paid, once', async () => {
    const { child, simulator, restart } = await setUp(PAYS, { resultMs: 1_500 });
    const [line] = (await once(child.stdout!, 'data')) as [Buffer];
    const started = JSON.parse(line.toString()) as { id: string; state: string };
    expect(started.state).toBe('prompted');
    await killed(child);
    // The customer answers while the kiosk is down.
    const core = restart();
    await expect.poll(() => (core.context.db.prepare('SELECT state FROM payments WHERE id = ?').get(started.id) as { state: string }).state, { timeout: 8_000 }).toBe('paid');
    const [charged] = await simulatorTransactions(simulator);
    const row = core.context.db.prepare('SELECT provider_reference, amount FROM payments WHERE id = ?').get(started.id) as { provider_reference: string; amount: number };
    expect(row).toEqual({ provider_reference: charged!.result!.receiptNumber, amount: 1450 });
    expect(core.context.db.prepare("SELECT count(*) AS n FROM outbox WHERE type = 'payment.paid'").get()).toEqual({ n: 1 });
    expect(core.context.db.prepare("SELECT status FROM bills").all()).toEqual([{ status: 'paid' }]);
  });

  it('before the push was answered: closed as expired (it cannot be queried), and the money M-Pesa took is kept for the back office', async () => {
    // The simulator holds this push's answer, and the customer pays meanwhile.
    const { child, databaseFile, restart, forwarder, simulator } = await setUp(SLOW_ANSWER, { resultMs: 800, slowAnswerMs: 3_000 });
    const watcher = new Database(databaseFile, { readonly: true, fileMustExist: true });
    cleanup.push(async () => {
      watcher.close();
    });
    // Killed once M-Pesa has the push but before the kiosk has its answer.
    await expect.poll(async () => (await simulatorTransactions(simulator)).length, { timeout: 10_000, interval: 20 }).toBe(1);
    expect(watcher.prepare("SELECT count(*) AS n FROM payments WHERE state = 'created'").get()).toEqual({ n: 1 });
    await killed(child);
    const core = restart();
    expect(core.context.db.prepare('SELECT state, reason FROM payments').all()).toEqual([{ state: 'expired', reason: 'interrupted' }]);
    await expect.poll(() => forwarder.dispositions, { timeout: 5_000 }).toEqual(['unmatched']);
    expect(core.context.db.prepare("SELECT count(*) AS n FROM outbox WHERE type = 'mpesa.callback-unmatched'").get()).toEqual({ n: 1 });
  });
});
