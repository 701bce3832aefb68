import type { PrinterStatus } from '@shared/contract/printer';

/** One rendered document for the receipt printer. */
export interface PrintJob {
  /** The receipt number; simulators name their output after it. */
  readonly id: string;
  /** ESC/POS bytes (see escpos.ts). */
  readonly bytes: Uint8Array;
}

/** The kiosk's thermal receipt printer, over whichever transport the settings chose. */
export interface ReceiptPrinter {
  /** Asks the printer now (never rejects: a printer that cannot be reached is `offline`). */
  status(): Promise<PrinterStatus>;
  /**
   * Resolves once the printer has taken the whole job and, where it answers status, printed
   * it with paper to spare; rejects with PrinterUnavailableError before starting when it
   * cannot print, or when the print stopped part way.
   */
  print(job: PrintJob): Promise<void>;
}

/**
 * Why a receipt was not printed: the printer's status before the print started, or
 * `interrupted` (it stopped part way: paper out, cover opened, gone offline), or
 * `write-failed` (the bytes could not be sent).
 */
export type PrintFailure = 'paper-out' | 'cover-open' | 'offline' | 'absent' | 'interrupted' | 'write-failed';

export class PrinterUnavailableError extends Error {
  constructor(
    readonly reason: PrintFailure,
    detail: string,
  ) {
    super(`receipt printer unavailable (${reason}): ${detail}`);
    this.name = 'PrinterUnavailableError';
  }
}
