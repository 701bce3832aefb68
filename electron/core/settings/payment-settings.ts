import { z } from 'zod';

/**
 * The `payments` settings section: how long the kiosk waits for an M-Pesa result. STK query
 * polling starts after `firstQueryMs`, each wait grows by `backoffFactor` up to `maxQueryGapMs`,
 * and after `resultLimitSeconds` without a final answer the attempt is `expired` (a late
 * answer still settles it) — or `in_doubt` when Daraja could not be asked meanwhile. A payment
 * in doubt is closed as not paid only once `doubtWindowSeconds` have passed since its request
 * left (the prompt's life on the phone and the callback's delay, with room to spare) and the
 * back office then holds no record of it. Both count from the request, across restarts.
 */
export const paymentSettingsSchema = z
  .object({
    firstQueryMs: z.number().int().min(100).max(30_000).default(2_000),
    backoffFactor: z.number().min(1).max(4).default(1.5),
    maxQueryGapMs: z.number().int().min(100).max(60_000).default(10_000),
    resultLimitSeconds: z.number().int().min(1).max(600).default(90),
    doubtWindowSeconds: z.number().int().min(1).max(3_600).default(180),
    /** How often a payment in doubt asks again (the card terminal; M-Pesa's record search rides on sync). */
    doubtRecheckMs: z.number().int().min(100).max(60_000).default(5_000),
  })
  .prefault({});

export type PaymentSettings = z.output<typeof paymentSettingsSchema>;
