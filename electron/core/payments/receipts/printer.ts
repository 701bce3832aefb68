/** One rendered document for the receipt printer. */
export interface PrintJob {
  /** The receipt number; simulators name their output after it. */
  readonly id: string;
  /** ESC/POS bytes (see escpos.ts). */
  readonly bytes: Uint8Array;
}

/** The kiosk's thermal receipt printer. */
export interface ReceiptPrinter {
  /** Resolves once the printer has taken the whole job; rejects with PrinterUnavailableError. */
  print(job: PrintJob): Promise<void>;
}

export class PrinterUnavailableError extends Error {
  constructor(
    readonly reason: 'offline' | 'out-of-paper' | 'write-failed',
    detail: string,
  ) {
    super(`receipt printer unavailable (${reason}): ${detail}`);
    this.name = 'PrinterUnavailableError';
  }
}
