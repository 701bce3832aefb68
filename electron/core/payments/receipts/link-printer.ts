import type { PrinterStatus } from '@shared/contract/printer';
import { PrinterUnavailableError, type PrintJob, type ReceiptPrinter } from './printer';
import {
  canPrint,
  isPaperStatusAnswer,
  isRealtimeAnswer,
  PAPER_STATUS_REQUEST,
  paperFromStatusAnswer,
  realtimeStatusRequest,
  statusFromAnswers,
  type RealtimeQuery,
} from './realtime-status';

/** A two-way byte stream to the printer (a TCP socket, a device file). */
export interface PrinterLink {
  write(bytes: Uint8Array): Promise<void>;
  /** The next byte the printer sent back, or undefined when none came within `timeoutMs`. */
  nextByte(timeoutMs: number): Promise<number | undefined>;
  close(): void;
}

export interface LinkPrinterOptions {
  /** Opens the link; rejects when the printer cannot be reached. */
  open(): Promise<PrinterLink>;
  /** What a printer that answers no status query is: offline (a network printer) or unknown (a device file that cannot be read). */
  silent: 'offline' | 'unknown';
  statusTimeoutMs: number;
  printTimeoutMs: number;
  /** The status is asked between chunks, so a printer that runs out part way is caught. */
  chunkBytes?: number;
}

const DEFAULT_CHUNK_BYTES = 512;

/**
 * A printer that speaks ESC/POS over a link: asks its real-time status before a receipt,
 * between chunks of it and, once all is sent, waits for GS r's answer, which comes only when
 * the printer has worked through the receipt. One exchange at a time: a status check in the
 * background never interleaves with a print.
 */
export class LinkPrinter implements ReceiptPrinter {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: LinkPrinterOptions) {}

  status(): Promise<PrinterStatus> {
    return this.exclusive(async () => {
      let link: PrinterLink;
      try {
        link = await this.options.open();
      } catch {
        return 'offline';
      }
      try {
        return await this.ask(link);
      } catch {
        return 'offline';
      } finally {
        link.close();
      }
    });
  }

  print(job: PrintJob): Promise<void> {
    return this.exclusive(async () => {
      let link: PrinterLink;
      try {
        link = await this.options.open();
      } catch (error) {
        throw new PrinterUnavailableError('offline', message(error));
      }
      try {
        await this.send(link, job);
      } finally {
        link.close();
      }
    });
  }

  private async send(link: PrinterLink, job: PrintJob): Promise<void> {
    const before = await this.ask(link);
    if (!canPrint(before)) throw new PrinterUnavailableError(before as 'paper-out' | 'cover-open' | 'offline', `status before printing: ${before}`);
    const answers = before !== 'unknown';
    const chunk = this.options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
    for (let at = 0; at < job.bytes.length; at += chunk) {
      await this.write(link, job.bytes.subarray(at, at + chunk));
      if (!answers) continue;
      const now = await this.ask(link);
      if (!canPrint(now)) throw new PrinterUnavailableError('interrupted', `status after ${Math.min(at + chunk, job.bytes.length)} of ${job.bytes.length} bytes: ${now}`);
    }
    // A device file that never answered cannot say whether the receipt came out: it was sent.
    if (!answers) return;
    await this.write(link, PAPER_STATUS_REQUEST);
    const done = await this.byte(link, isPaperStatusAnswer, this.options.printTimeoutMs);
    if (done !== undefined) {
      if (paperFromStatusAnswer(done) === 'paper-out') throw new PrinterUnavailableError('interrupted', 'paper ran out at the end of the receipt');
      return;
    }
    // No answer to GS r in time: stopped part way (paper, cover), or a printer too slow or without GS r.
    const after = await this.ask(link);
    if (!canPrint(after)) throw new PrinterUnavailableError('interrupted', `no end-of-receipt answer; status ${after}`);
  }

  private async write(link: PrinterLink, bytes: Uint8Array): Promise<void> {
    try {
      await link.write(bytes);
    } catch (error) {
      throw new PrinterUnavailableError('write-failed', message(error));
    }
  }

  /** DLE EOT 1, 2 and 4, read as one status. */
  private async ask(link: PrinterLink): Promise<PrinterStatus> {
    const answer = async (n: RealtimeQuery) => {
      await this.write(link, realtimeStatusRequest(n));
      return this.byte(link, isRealtimeAnswer, this.options.statusTimeoutMs);
    };
    const printer = await answer(1);
    // A printer silent to the first query is not kept waiting for two more.
    if (printer === undefined) return statusFromAnswers({ printer, offlineCause: undefined, paper: undefined }, this.options.silent);
    const offlineCause = await answer(2);
    const paper = await answer(4);
    return statusFromAnswers({ printer, offlineCause, paper }, this.options.silent);
  }

  /** The next byte of the kind asked for; others (a late answer to an earlier question) are passed over. */
  private async byte(link: PrinterLink, wanted: (byte: number) => boolean, timeoutMs: number): Promise<number | undefined> {
    const until = performance.now() + timeoutMs;
    for (;;) {
      const left = until - performance.now();
      if (left <= 0) return undefined;
      const next = await link.nextByte(left);
      if (next === undefined || wanted(next)) return next;
    }
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
