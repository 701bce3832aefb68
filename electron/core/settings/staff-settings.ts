import { z } from 'zod';

/** Attended mode and PIN policy; starting values, every one tunable per deployment. */
export const staffSettingsSchema = z
  .object({
    /** Attended mode ends by itself after this long without a staff touch. */
    idleTimeoutSeconds: z.number().int().min(30).max(3600).default(180),
    maxFailedPins: z.number().int().min(3).max(10).default(5),
    lockoutMinutes: z.number().int().min(1).max(24 * 60).default(15),
    /** A closed shift whose over/short exceeds this (KES, either way) needs a supervisor's sign-off. */
    varianceSignOffThreshold: z.number().int().min(0).default(500),
  })
  .default({ idleTimeoutSeconds: 180, maxFailedPins: 5, lockoutMinutes: 15, varianceSignOffThreshold: 500 });

export type StaffSettings = z.output<typeof staffSettingsSchema>;
