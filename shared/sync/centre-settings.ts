import { z } from 'zod';

/** A receipt's header or footer line: what an 80 mm roll prints on one line in its standard font. */
export const RECEIPT_LINE_MAX_CHARACTERS = 48;
export const RECEIPT_LINES_MAX = 4;

/**
 * Printable text only. The lines go to an ESC/POS printer, where ESC, GS, DLE and the other
 * control characters are commands (cut, open the drawer, switch code page): none may pass,
 * nor format or line-separator characters that would print as garbage.
 */
const receiptLineSchema = z
  .string()
  .max(RECEIPT_LINE_MAX_CHARACTERS)
  .regex(/^[^\p{C}\p{Zl}\p{Zp}]*$/u, { message: 'printable text only: no control characters' });

/** A receipt's own lines, in English and in Kiswahili (both are printed, as the rest of the receipt). */
export const receiptLinesSchema = z
  .object({ en: z.array(receiptLineSchema).max(RECEIPT_LINES_MAX), sw: z.array(receiptLineSchema).max(RECEIPT_LINES_MAX) })
  .strict();
export type ReceiptLines = z.output<typeof receiptLinesSchema>;

/**
 * The settings a back office may decide for a centre's kiosks, with their bounds: the kiosk's
 * own settings schemas (electron/core/settings/) take these same fields and add their defaults,
 * so the hub can never send what a kiosk would refuse on its own.
 */
export const CENTRE_SETTING_FIELDS = {
  idle: {
    timeoutSeconds: z.number().int().min(10).max(3600),
    warningSeconds: z.number().int().min(5).max(120),
  },
  lookup: {
    /** Searches one visit may make (anyone can type anyone's ID number). */
    lookupsPerVisit: z.number().int().min(1).max(100),
    /** Searches the whole kiosk may make in any window of `kioskWindowSeconds`. */
    kioskLookupsPerWindow: z.number().int().min(1).max(100_000),
    kioskWindowSeconds: z.number().int().min(10).max(86_400),
    /** A licence, insurance or inspection ending within this many days is shown as expiring. */
    expiringWithinDays: z.number().int().min(0).max(365),
  },
  staff: {
    /** Attended mode ends by itself after this long without a staff touch. */
    idleTimeoutSeconds: z.number().int().min(30).max(3600),
    maxFailedPins: z.number().int().min(3).max(10),
    lockoutMinutes: z.number().int().min(1).max(24 * 60),
    /** A closed shift whose over/short exceeds this (KES, either way) needs a supervisor's sign-off. */
    varianceSignOffThreshold: z.number().int().min(0),
  },
  receipts: {
    headerLines: receiptLinesSchema,
    footerLines: receiptLinesSchema,
  },
} as const;

const section = <T extends z.ZodRawShape>(fields: T) => z.object(fields).partial().strict().optional();

/**
 * A centre's settings document, as the hub stores it and sends it in the centre state: every
 * field optional, and nothing else. Strict at every level, so a secret (`mpesa.consumerSecret`,
 * `sync.kioskToken`), a deployment fact (`printer.host`) or a misspelt key is refused rather
 * than ignored: secrets never travel from the hub.
 */
export const centreSettingsSchema = z
  .object({
    idle: section(CENTRE_SETTING_FIELDS.idle),
    lookup: section(CENTRE_SETTING_FIELDS.lookup),
    staff: section(CENTRE_SETTING_FIELDS.staff),
    receipts: section(CENTRE_SETTING_FIELDS.receipts),
  })
  .strict();
export type CentreSettings = z.output<typeof centreSettingsSchema>;

/** Every setting a centre may decide, as `[section, key]`. */
export const CENTRE_SETTING_PATHS: ReadonlyArray<readonly [string, string]> = Object.entries(CENTRE_SETTING_FIELDS).flatMap(([name, fields]) =>
  Object.keys(fields).map((key) => [name, key] as const),
);

/** Why a document was refused, each problem with its path (`lookup.lookupsPerVisit: …`), for an administrator. */
export function centreSettingsProblems(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const at = issue.path.map(String).join('.');
      if (issue.code === 'unrecognized_keys') {
        const keys = issue.keys.map((key) => (at ? `${at}.${key}` : key)).join(', ');
        return `${keys}: not a setting the back office may set`;
      }
      return `${at || 'the document'}: ${issue.message}`;
    })
    .join('; ');
}
