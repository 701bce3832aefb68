import { PrinterUnavailableError, type ReceiptPrinter } from './printer';

/** A kiosk without a printer (`printer.transport: none`): every receipt goes by SMS, email or screen. */
export class NoPrinter implements ReceiptPrinter {
  status() {
    return Promise.resolve('absent' as const);
  }

  print(): Promise<void> {
    return Promise.reject(new PrinterUnavailableError('absent', 'this kiosk has no receipt printer'));
  }
}
