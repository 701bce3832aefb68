import { z } from 'zod';

/**
 * The `card` settings section. Card payments are offered only when a terminal is named:
 * `simulator: true` (an in-process terminal simulator, for demos and tests) or
 * `terminalUrl` (a terminal service speaking the terminal link protocol on the local
 * network). Neither is a default: no kiosk "takes" card money by omission.
 */
export const cardSettingsSchema = z
  .object({
    simulator: z.boolean().default(false),
    /** How long the simulated card holder takes at the terminal: seconds, like a real one. */
    simulatorDelayMs: z.number().int().min(0).max(60_000).default(3_000),
    terminalUrl: z.url().optional(),
    /** How long a charge may take at the terminal before its outcome counts as unknown (in doubt). */
    chargeTimeoutMs: z.number().int().min(1_000).max(300_000).default(90_000),
  })
  .prefault({})
  .refine((card) => !(card.simulator && card.terminalUrl), { message: 'card: set either simulator or terminalUrl, not both', path: ['simulator'] });

export type CardSettings = z.output<typeof cardSettingsSchema>;
