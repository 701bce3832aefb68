import { z } from 'zod';
import { CENTRE_SETTING_FIELDS } from '@shared/sync/centre-settings';

/**
 * How the kiosk reaches its thermal receipt printer:
 * - `file`: the simulator, one `.escpos` file per receipt in `folder` (demo and tests);
 * - `tcp`: a network printer's raw port (`host`, `port`, 9100 by default);
 * - `usb`: the printer's device file (`devicePath`, e.g. /dev/usb/lp0 from Linux's usblp driver);
 * - `none`: a kiosk without a printer: receipts go by SMS or email, or stay on screen.
 */
export const printerTransportSchema = z.enum(['file', 'tcp', 'usb', 'none']);
export type PrinterTransport = z.output<typeof printerTransportSchema>;

/** The `printer` settings section. */
export const printerSettingsSchema = z
  .object({
    transport: printerTransportSchema.default('file'),
    /** `file`: where the simulator writes its receipts; relative to the kiosk's data folder. */
    folder: z.string().min(1).default('printed-receipts'),
    /** `tcp`: the printer's address on the centre's network. */
    host: z.string().min(1).max(253).optional(),
    port: z.number().int().min(1).max(65_535).default(9100),
    /** `usb`: the device file the kernel made for the printer. */
    devicePath: z.string().startsWith('/').optional(),
    paperWidthMm: z.union([z.literal(58), z.literal(80)]).default(80),
    connectTimeoutMs: z.number().int().min(100).max(30_000).default(3_000),
    /** How long a real-time status answer (DLE EOT) may take before the printer counts as silent. */
    statusTimeoutMs: z.number().int().min(50).max(10_000).default(1_000),
    /** How long the printer may take to work through a whole receipt before the print is judged. */
    printTimeoutMs: z.number().int().min(500).max(120_000).default(20_000),
    /** How often the staff screens' and the heartbeat's printer status is asked for. */
    statusPollSeconds: z.number().int().min(5).max(3_600).default(30),
  })
  .prefault({})
  .superRefine((printer, context) => {
    if (printer.transport === 'tcp' && !printer.host) context.addIssue({ code: 'custom', path: ['host'], message: 'printer.transport tcp needs printer.host' });
    if (printer.transport === 'usb' && !printer.devicePath) {
      context.addIssue({ code: 'custom', path: ['devicePath'], message: 'printer.transport usb needs printer.devicePath (e.g. /dev/usb/lp0)' });
    }
  });

export type PrinterSettings = z.output<typeof printerSettingsSchema>;

const noLines = () => ({ en: [], sw: [] });

/** The `receipts` settings section. The centre's back office may set the header and footer lines (shared/sync/centre-settings.ts). */
export const receiptSettingsSchema = z
  .object({
    pdfPageSize: z.enum(['A6', '80mm']).default('80mm'),
    /** Printed under the issuer's name, English lines then Kiswahili ones. */
    headerLines: CENTRE_SETTING_FIELDS.receipts.headerLines.default(noLines),
    /** Printed at the receipt's end, after "Please keep this receipt". */
    footerLines: CENTRE_SETTING_FIELDS.receipts.footerLines.default(noLines),
  })
  .prefault({});

export type ReceiptSettings = z.output<typeof receiptSettingsSchema>;
