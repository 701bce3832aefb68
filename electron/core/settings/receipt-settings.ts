import { z } from 'zod';

/** The `printer` settings section: the file-writing printer simulator is the only adapter yet. */
export const printerSettingsSchema = z
  .object({
    /** Where the simulator writes one `.escpos` file per receipt; relative to the kiosk's data folder. */
    folder: z.string().min(1).default('printed-receipts'),
    paperWidthMm: z.union([z.literal(58), z.literal(80)]).default(80),
  })
  .prefault({});

/** The `receipts` settings section. */
export const receiptSettingsSchema = z
  .object({
    pdfPageSize: z.enum(['A6', '80mm']).default('80mm'),
  })
  .prefault({});
