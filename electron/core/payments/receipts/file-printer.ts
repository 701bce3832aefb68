import { access, constants, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PrinterUnavailableError, type PrintJob, type ReceiptPrinter } from './printer';

/**
 * The printer simulator: each job becomes a file of raw ESC/POS bytes in `folder`
 * (`<receipt>.escpos`, then `<receipt>-2.escpos` for a reprint…). Such a file can be sent
 * to a real printer as is (e.g. `cat R-1.escpos > /dev/usb/lp0`).
 */
export class FilePrinter implements ReceiptPrinter {
  constructor(private readonly folder: string) {}

  /** Always paper: ready while its folder can be written (or made). */
  async status() {
    try {
      await mkdir(this.folder, { recursive: true });
      await access(this.folder, constants.W_OK);
      return 'ready' as const;
    } catch {
      return 'offline' as const;
    }
  }

  async print(job: PrintJob): Promise<void> {
    const name = job.id.replace(/[^A-Za-z0-9._-]/g, '_');
    try {
      await mkdir(this.folder, { recursive: true });
      for (let copy = 1; ; copy += 1) {
        const file = path.join(this.folder, copy === 1 ? `${name}.escpos` : `${name}-${copy}.escpos`);
        try {
          await writeFile(file, job.bytes, { flag: 'wx' });
          return;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        }
      }
    } catch (error) {
      throw new PrinterUnavailableError('write-failed', error instanceof Error ? error.message : String(error));
    }
  }
}
