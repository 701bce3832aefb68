import { z } from 'zod';

/**
 * The `sms` settings section. By default messages go to the built-in simulator, which only
 * records them; a deployment sets `provider: 'africastalking'` with its account's details.
 */
export const smsSettingsSchema = z
  .object({
    provider: z.enum(['simulator', 'africastalking']).default('simulator'),
    africasTalking: z
      .object({
        /** 'sandbox' for Africa's Talking's sandbox app, else the live app's username. */
        username: z.string().min(1).default('sandbox'),
        apiKey: z.string().default(''),
        /** An approved alphanumeric sender ID or short code; empty uses the account's default. */
        senderId: z.string().max(11).default(''),
        /** Defaults to the sandbox host when the username is 'sandbox', else the live host. */
        baseUrl: z.url().optional(),
        requestTimeoutMs: z.number().int().min(1000).max(60_000).default(10_000),
      })
      .prefault({}),
  })
  .prefault({})
  .refine((sms) => sms.provider !== 'africastalking' || sms.africasTalking.apiKey !== '', {
    message: "sms.africasTalking.apiKey is required when the provider is 'africastalking'",
    path: ['africasTalking', 'apiKey'],
  });

export type SmsSettings = z.output<typeof smsSettingsSchema>;
