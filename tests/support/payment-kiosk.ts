import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { closePromptly } from '../../shared/node/http/close-promptly';
import { seedDemoData } from '../../electron/demo/generate';
import { openDatabase } from '../../electron/core/db/open';
import type { KioskCore, KioskCoreOptions } from '../../electron/core/kiosk-core';
import type { CallbackDisposition } from '../../electron/core/payments/payment-service';
import { startDarajaSimulator, type DarajaSimulator } from '../../electron/simulators/daraja/daraja-simulator';
import type { SimulatorDelays } from '../../electron/simulators/daraja/simulated-mpesa';
import { tempKiosk, type TempKiosk } from './temp-kiosk';

/** Quick answers, so a whole payment takes well under a second. */
export const FAST_SIMULATOR: Partial<SimulatorDelays> = { resultMs: 300, slowAnswerMs: 1_500, noAnswerMs: 2_500, duplicateCallbackGapMs: 80 };
export const FAST_POLLING = { firstQueryMs: 150, backoffFactor: 1.5, maxQueryGapMs: 400, resultLimitSeconds: 5 };

/**
 * Stands in for the back office: receives Daraja's callbacks over HTTP and forwards each to
 * the kiosk, recording what the kiosk made of it.
 */
export async function startCallbackForwarder(target: () => KioskCore | undefined) {
  const dispositions: CallbackDisposition[] = [];
  const app = Fastify();
  closePromptly(app);
  app.post<{ Params: { tag?: string } }>('/mpesa/stk-callback/:tag?', async (request) => {
    const core = target();
    if (core) dispositions.push(await core.acceptMpesaCallback(request.body, request.params.tag));
    return { ResultCode: 0, ResultDesc: 'Accepted' };
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/mpesa/stk-callback`, dispositions, close: () => app.close() };
}

/** A demo database (fees, fines) in a new file. */
export function seedPaymentDemo(databaseFile: string): void {
  const db = openDatabase(databaseFile);
  seedDemoData(db, { citizens: 30, seed: 7 });
  db.close();
}

export interface PaymentKiosk {
  kiosk: TempKiosk;
  simulator: DarajaSimulator;
  forwarder: Awaited<ReturnType<typeof startCallbackForwarder>>;
  /** The kiosk's settings, to start another core on the same database with. */
  settings: Record<string, unknown>;
  close(): Promise<void>;
}

/** A real core on a demo database, paying against a Daraja simulator over real HTTP, callbacks forwarded. */
export async function paymentKiosk(
  overrides: { mpesa?: Record<string, unknown>; payments?: Record<string, unknown>; card?: Record<string, unknown>; printer?: Record<string, unknown>; sync?: Record<string, unknown> } = {},
  options: Partial<KioskCoreOptions> = {},
): Promise<PaymentKiosk> {
  const simulator = await startDarajaSimulator({ delays: FAST_SIMULATOR });
  const running: { core?: KioskCore } = {};
  const forwarder = await startCallbackForwarder(() => running.core);
  const settings = {
    mpesa: { simulator: false, baseUrl: simulator.url, callbackUrl: forwarder.url, requestTimeoutMs: 2_000, ...overrides.mpesa },
    payments: { ...FAST_POLLING, ...overrides.payments },
    // The in-process terminal simulator, answering at once (the crash test gives it seconds).
    card: { simulator: true, simulatorDelayMs: 0, ...overrides.card },
    ...(overrides.printer && { printer: overrides.printer }),
    ...(overrides.sync && { sync: overrides.sync }),
  };
  const kiosk = tempKiosk({ prepare: seedPaymentDemo, settings, ...options });
  running.core = kiosk.core;
  return {
    kiosk,
    simulator,
    forwarder,
    settings,
    async close() {
      await kiosk.dispose();
      await kiosk.core.paymentsIdle();
      await forwarder.close();
      await simulator.close();
    },
  };
}

/** The simulator's record of every push it took (what M-Pesa would have charged). */
export async function simulatorTransactions(simulator: DarajaSimulator): Promise<{ checkoutRequestId: string; amount: number; callbacksDelivered: number; result?: { resultCode: number; receiptNumber?: string } }[]> {
  const state = (await (await fetch(`${simulator.url}/__simulator/state`)).json()) as { transactions: never[] };
  return state.transactions;
}
