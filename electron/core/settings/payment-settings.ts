import { z } from 'zod';

/**
 * The `payments` settings section: how long the kiosk waits for an M-Pesa result. STK query
 * polling starts after `firstQueryMs`, each wait grows by `backoffFactor` up to `maxQueryGapMs`,
 * and after `resultLimitSeconds` without a final answer the attempt is `expired` (a late
 * answer still settles it).
 */
export const paymentSettingsSchema = z
  .object({
    firstQueryMs: z.number().int().min(100).max(30_000).default(2_000),
    backoffFactor: z.number().min(1).max(4).default(1.5),
    maxQueryGapMs: z.number().int().min(100).max(60_000).default(10_000),
    resultLimitSeconds: z.number().int().min(1).max(600).default(90),
  })
  .prefault({});

export type PaymentSettings = z.output<typeof paymentSettingsSchema>;
