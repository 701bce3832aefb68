import type { PrinterStatusReport } from '@shared/contract/printer';
import type { Clock } from '../../clock';
import type { ReceiptPrinter } from './printer';

export interface PrinterMonitorOptions {
  readonly printer: ReceiptPrinter;
  readonly clock: Clock;
  readonly intervalMs: number;
  /** Called when the status differs from the last one seen (and on the first). */
  onChange(report: PrinterStatusReport): void;
}

/**
 * The printer's status for the staff screens and the heartbeat: asked in the background
 * every `intervalMs` and after each print. Asking is async I/O, so it never holds up a call.
 */
export class PrinterMonitor {
  private report: PrinterStatusReport | null = null;
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<PrinterStatusReport> | undefined;

  constructor(private readonly options: PrinterMonitorOptions) {}

  current(): PrinterStatusReport | null {
    return this.report;
  }

  start(): void {
    if (this.timer) return;
    void this.check();
    this.timer = setInterval(() => void this.check(), this.options.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Asks now (one question at a time: a check under way is shared). */
  check(): Promise<PrinterStatusReport> {
    this.checking ??= this.options.printer
      .status()
      .then((status) => {
        const report = { status, checkedAt: this.options.clock.now().toISOString() };
        const changed = report.status !== this.report?.status;
        this.report = report;
        if (changed) this.options.onChange(report);
        return report;
      })
      .finally(() => (this.checking = undefined));
    return this.checking;
  }
}
