import path from 'node:path';
import type { Clock } from '../clock';
import type { KioskSettings } from '../settings/kiosk-settings';
import type { CardTerminal } from './card/card-terminal';
import { CardTerminalSimulator } from './card/card-terminal-simulator';
import { DarajaClient } from './mpesa/daraja-client';
import type { MpesaGateway } from './mpesa/mpesa-gateway';
import { FilePrinter } from './receipts/file-printer';
import type { ReceiptPrinter } from './receipts/printer';

/** What the shell may hand the core instead of what the settings say. */
export interface PaymentAdapterOptions {
  /** Where the Daraja simulator the shell started listens (used when `mpesa.simulator` is on). */
  readonly darajaSimulatorUrl?: string;
  readonly cardTerminal?: CardTerminal;
  readonly printer?: ReceiptPrinter;
}

export interface PaymentAdapters {
  /** Undefined when the settings want the simulator but no shell started one: M-Pesa is then refused clearly. */
  readonly mpesa: MpesaGateway | undefined;
  readonly card: CardTerminal;
  readonly printer: ReceiptPrinter;
}

/**
 * The providers the payment service talks to. `mpesa.simulator` (the default) pays against
 * the Daraja simulator the shell started; otherwise the real Daraja at `mpesa.baseUrl` with
 * the deployment's credentials. The card terminal and the printer are simulators until a
 * vendor's adapter exists; the printer writes `.escpos` files into the data folder.
 */
export function paymentAdapters(settings: KioskSettings, dataDir: string, clock: Clock, options: PaymentAdapterOptions = {}): PaymentAdapters {
  const baseUrl = settings.mpesa.simulator ? options.darajaSimulatorUrl : settings.mpesa.baseUrl;
  return {
    mpesa: baseUrl === undefined ? undefined : new DarajaClient({ ...settings.mpesa, baseUrl, clock }),
    card: options.cardTerminal ?? new CardTerminalSimulator(),
    printer: options.printer ?? new FilePrinter(path.resolve(dataDir, settings.printer.folder)),
  };
}
