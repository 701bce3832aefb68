import type { Clock } from '../clock';
import type { KioskSettings } from '../settings/kiosk-settings';
import type { CardTerminal } from './card/card-terminal';
import { CardTerminalLink } from './card/card-terminal-link';
import { CardTerminalSimulator } from './card/card-terminal-simulator';
import { DarajaClient } from './mpesa/daraja-client';
import type { MpesaGateway } from './mpesa/mpesa-gateway';
import { createReceiptPrinter } from './receipts/create-printer';
import type { ReceiptPrinter } from './receipts/printer';

/** What the shell may hand the core instead of what the settings say. */
export interface PaymentAdapterOptions {
  /** Where the Daraja simulator the shell started listens (used when `mpesa.simulator` is on). */
  readonly darajaSimulatorUrl?: string;
  readonly cardTerminal?: CardTerminal;
  readonly printer?: ReceiptPrinter;
}

/** Undefined means the method is not offered: not on screen, and refused if asked for. */
export interface PaymentAdapters {
  readonly mpesa: MpesaGateway | undefined;
  readonly card: CardTerminal | undefined;
  readonly printer: ReceiptPrinter;
}

/**
 * The providers the payment service talks to, only those the settings name: M-Pesa at
 * `mpesa.baseUrl` (Daraja) or against the Daraja simulator the shell started when
 * `mpesa.simulator` is on; the card terminal at `card.terminalUrl`, or the in-process
 * simulator when `card.simulator` is on; the receipt printer over `printer.transport`.
 */
export function paymentAdapters(settings: KioskSettings, dataDir: string, clock: Clock, options: PaymentAdapterOptions = {}): PaymentAdapters {
  const baseUrl = settings.mpesa.simulator ? options.darajaSimulatorUrl : settings.mpesa.baseUrl;
  const { card } = settings;
  return {
    mpesa: baseUrl === undefined ? undefined : new DarajaClient({ ...settings.mpesa, baseUrl, clock }),
    card:
      options.cardTerminal ??
      (card.terminalUrl ? new CardTerminalLink(card.terminalUrl, card.chargeTimeoutMs) : card.simulator ? new CardTerminalSimulator({ delayMs: card.simulatorDelayMs }) : undefined),
    printer: options.printer ?? createReceiptPrinter(settings.printer, dataDir),
  };
}
