import { z } from 'zod';
import { DEMO_DARAJA_CREDENTIALS } from './demo-credentials';

/**
 * The `mpesa` settings section. Its defaults make a demo kiosk that pays against the bundled
 * Daraja simulator; a real deployment sets `simulator: false` and its own Daraja app.
 * Field names match `DarajaClientOptions`, so the section spreads into the client.
 */
export const mpesaSettingsSchema = z
  .object({
    /** Start the Daraja simulator and pay against it (ignores `baseUrl`). */
    simulator: z.boolean().default(true),
    baseUrl: z.url().default('https://sandbox.safaricom.co.ke'),
    consumerKey: z.string().min(1).default(DEMO_DARAJA_CREDENTIALS.consumerKey),
    consumerSecret: z.string().min(1).default(DEMO_DARAJA_CREDENTIALS.consumerSecret),
    shortcode: z.string().regex(/^[0-9]{5,7}$/).default(DEMO_DARAJA_CREDENTIALS.shortcode),
    passkey: z.string().min(1).default(DEMO_DARAJA_CREDENTIALS.passkey),
    /** The back office's public HTTPS address for Safaricom's callbacks (the hub's MPESA_CALLBACK_PATH); the kiosk fetches them from the hub. */
    callbackUrl: z.url().default('https://backoffice.example/mpesa/v1/stk-callback'),
    requestTimeoutMs: z.number().int().min(1000).max(60_000).default(15_000),
    tokenRefreshMarginSeconds: z.number().int().min(0).max(600).default(60),
  })
  .prefault({});

export type MpesaSettings = z.output<typeof mpesaSettingsSchema>;
