import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { empty } from './system';

/**
 * The receipt printer as the kiosk last saw it. `paper-low` still prints; `paper-out`,
 * `cover-open` and `offline` do not. `unknown`: a printer that does not answer status
 * queries (some USB device files): the kiosk prints and cannot tell. `absent`: the kiosk
 * has no printer (settings `printer.transport: none`).
 */
export const printerStatusSchema = z.enum(['ready', 'paper-low', 'paper-out', 'cover-open', 'offline', 'unknown', 'absent']);
export type PrinterStatus = z.output<typeof printerStatusSchema>;

export const printerStatusReportSchema = z.object({
  status: printerStatusSchema,
  checkedAt: z.iso.datetime({ offset: true }),
});
export type PrinterStatusReport = z.output<typeof printerStatusReportSchema>;

export const printerCalls = {
  /** The printer's last known status; null before it was first asked. Public: the receipt screen offers SMS or email up front when it cannot print. */
  'printer.status': defineCall(empty, printerStatusReportSchema.nullable()),
} as const;

export const printerEvents = {
  /** The printer's status changed (a background check, or a print). */
  'printer.status': defineEvent(printerStatusReportSchema),
} as const;
