import { z } from 'zod';

/** The kiosk's log file rolls daily and at this size; the newest `keepFiles` files are kept, the one being written included. */
export const logSettingsSchema = z
  .object({
    rotateAtKilobytes: z.number().int().min(1).max(1024 * 1024).default(10 * 1024),
    keepFiles: z.number().int().min(2).max(366).default(14),
  })
  .default({ rotateAtKilobytes: 10 * 1024, keepFiles: 14 });

export type LogSettings = z.output<typeof logSettingsSchema>;
