import path from 'node:path';
import type { PrinterSettings } from '../../settings/receipt-settings';
import { openDeviceFileLink } from './device-file-link';
import { FilePrinter } from './file-printer';
import { LinkPrinter } from './link-printer';
import { NoPrinter } from './no-printer';
import type { ReceiptPrinter } from './printer';
import { openTcpLink } from './tcp-link';

/** The printer the settings name; the simulator's folder is relative to the data folder. */
export function createReceiptPrinter(settings: PrinterSettings, dataDir: string): ReceiptPrinter {
  const timing = { statusTimeoutMs: settings.statusTimeoutMs, printTimeoutMs: settings.printTimeoutMs };
  switch (settings.transport) {
    case 'file':
      return new FilePrinter(path.resolve(dataDir, settings.folder));
    case 'none':
      return new NoPrinter();
    case 'tcp': {
      const host = settings.host ?? '';
      return new LinkPrinter({ open: () => openTcpLink(host, settings.port, settings.connectTimeoutMs), silent: 'offline', ...timing });
    }
    case 'usb': {
      const device = settings.devicePath ?? '';
      return new LinkPrinter({ open: () => openDeviceFileLink(device, settings.printTimeoutMs), silent: 'unknown', ...timing });
    }
  }
}
