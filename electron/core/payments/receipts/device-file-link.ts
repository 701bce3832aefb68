import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PrinterLink } from './link-printer';

/** How often a non-blocking device file is asked again for an answer, or to take more bytes. */
const POLL_MS = 20;

/**
 * A USB printer's device file (Linux's usblp: /dev/usb/lp0), opened read-write and
 * non-blocking: a status answer is read back from the same file when the printer and its
 * driver are bidirectional; when reading is refused or nothing comes, the query goes
 * unanswered and the printer's status is unknown. The file must exist: the kernel makes it;
 * the kiosk never creates one. Writes the printer is not ready for (EAGAIN) are tried again
 * until `writeTimeoutMs`.
 */
export async function openDeviceFileLink(devicePath: string, writeTimeoutMs: number): Promise<PrinterLink> {
  const file = await open(devicePath, constants.O_RDWR | constants.O_NONBLOCK | constants.O_NOCTTY);
  const one = Buffer.alloc(1);
  let closed = false;
  return {
    async write(bytes) {
      const until = performance.now() + writeTimeoutMs;
      let at = 0;
      while (at < bytes.length) {
        try {
          at += (await file.write(bytes, at, bytes.length - at)).bytesWritten;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EAGAIN' || performance.now() > until) throw error;
          await sleep(POLL_MS);
        }
      }
    },
    async nextByte(timeoutMs) {
      const until = performance.now() + timeoutMs;
      for (;;) {
        try {
          if ((await file.read(one, 0, 1, null)).bytesRead === 1) return one[0];
        } catch (error) {
          // EAGAIN: nothing yet. Anything else (a driver that cannot read back): no answer will come.
          if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') return undefined;
        }
        if (performance.now() + POLL_MS > until) return undefined;
        await sleep(POLL_MS);
      }
    },
    close() {
      if (closed) return;
      closed = true;
      void file.close().catch(() => undefined);
    },
  };
}
