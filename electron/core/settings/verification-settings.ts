import { z } from 'zod';

/** The `verification` settings section: one-time codes sent by SMS. */
export const verificationSettingsSchema = z
  .object({
    codeLength: z.number().int().min(4).max(8).default(6),
    /** How long a code can be typed back after it was sent. */
    codeTtlSeconds: z.number().int().min(30).max(1800).default(300),
    /** Wrong entries one code allows before it is spent. */
    triesPerCode: z.number().int().min(1).max(10).default(3),
    /** Codes one visit may have sent, whatever they are for. */
    codesPerVisit: z.number().int().min(1).max(10).default(3),
  })
  .prefault({});

export type VerificationSettings = z.output<typeof verificationSettingsSchema>;
