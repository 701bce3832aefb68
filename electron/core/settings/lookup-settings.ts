import { z } from 'zod';

/** The `lookup` settings section: abuse limits, and when a licence or cover counts as "expiring". */
export const lookupSettingsSchema = z
  .object({
    /** Searches one visit may make (anyone can type anyone's ID number). */
    lookupsPerVisit: z.number().int().min(1).max(100).default(3),
    /** Searches the whole kiosk may make in any window of `kioskWindowSeconds`. */
    kioskLookupsPerWindow: z.number().int().min(1).max(100_000).default(60),
    kioskWindowSeconds: z.number().int().min(10).max(86_400).default(600),
    /** A licence, insurance or inspection ending within this many days is shown as expiring. */
    expiringWithinDays: z.number().int().min(0).max(365).default(30),
  })
  .prefault({});

export type LookupSettings = z.output<typeof lookupSettingsSchema>;
