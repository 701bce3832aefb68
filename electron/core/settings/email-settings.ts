import { z } from 'zod';

/**
 * The `email` settings section. By default messages go to the built-in simulator, which only
 * records them; a deployment sets `provider: 'sendgrid'` with its account's API key and a
 * sender address verified with SendGrid.
 */
export const emailSettingsSchema = z
  .object({
    provider: z.enum(['simulator', 'sendgrid']).default('simulator'),
    sendgrid: z
      .object({
        apiKey: z.string().default(''),
        /** A sender SendGrid has verified for the account (single sender or authenticated domain). */
        fromEmail: z.union([z.literal(''), z.email()]).default(''),
        fromName: z.string().max(100).default('eCitizen kiosk'),
        /** https://api.sendgrid.com unless set; EU-pinned accounts use https://api.eu.sendgrid.com. */
        baseUrl: z.url().optional(),
        requestTimeoutMs: z.number().int().min(1000).max(60_000).default(10_000),
      })
      .prefault({}),
  })
  .prefault({})
  .refine((email) => email.provider !== 'sendgrid' || (email.sendgrid.apiKey !== '' && email.sendgrid.fromEmail !== ''), {
    message: "email.sendgrid.apiKey and email.sendgrid.fromEmail are required when the provider is 'sendgrid'",
    path: ['sendgrid'],
  });

export type EmailSettings = z.output<typeof emailSettingsSchema>;
