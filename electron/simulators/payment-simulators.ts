import type { Logger } from '@shared/node/logging/logger';
import { parseKioskSettings } from '../core/settings/kiosk-settings';
import { startDarajaSimulator } from './daraja/daraja-simulator';
import type { PaymentAdapterOptions } from '../core/payments/payment-adapters';

export interface RunningPaymentSimulators {
  /** To pass to `createKioskCore({ payments })`. */
  readonly options: PaymentAdapterOptions;
  /** One line per simulator started, for the shell to print. */
  readonly started: readonly string[];
  close(): Promise<void>;
}

/**
 * Starts what the settings ask to simulate, for a shell to run before the core: the Daraja
 * simulator on a free loopback port when `mpesa.simulator` is on (the demo default). The
 * card terminal and the receipt printer simulators need no process: the core makes them.
 */
export async function startPaymentSimulators(storedSettings: unknown, log: Logger): Promise<RunningPaymentSimulators> {
  const settings = parseKioskSettings(storedSettings);
  if (!settings.mpesa.simulator) return { options: {}, started: [], close: async () => undefined };
  const daraja = await startDarajaSimulator({ log });
  return {
    options: { darajaSimulatorUrl: daraja.url },
    started: [`Daraja simulator (M-Pesa) at ${daraja.url}${settings.printer.transport === 'file' ? `; receipts print to the "${settings.printer.folder}" folder` : ''}`],
    close: () => daraja.close(),
  };
}
