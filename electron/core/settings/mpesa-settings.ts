import { z } from 'zod';
import { DEMO_DARAJA_CREDENTIALS } from './demo-credentials';

/**
 * The `mpesa` settings section. M-Pesa is offered only when the settings name a provider:
 * `baseUrl` (Daraja, or a Daraja simulator run elsewhere) or `simulator: true` (the shell
 * starts the bundled Daraja simulator). Neither is a default, so a kiosk set up for real
 * never pays against a simulator by omission. Field names match `DarajaClientOptions`, so
 * the section spreads into the client.
 */
export const mpesaSettingsSchema = z
  .object({
    /** Start the Daraja simulator and pay against it; never together with `baseUrl`. */
    simulator: z.boolean().default(false),
    /** `https://api.safaricom.co.ke` (real money), `https://sandbox.safaricom.co.ke`, or a simulator's address. */
    baseUrl: z.url().optional(),
    consumerKey: z.string().min(1).default(DEMO_DARAJA_CREDENTIALS.consumerKey),
    consumerSecret: z.string().min(1).default(DEMO_DARAJA_CREDENTIALS.consumerSecret),
    shortcode: z.string().regex(/^[0-9]{5,7}$/).default(DEMO_DARAJA_CREDENTIALS.shortcode),
    passkey: z.string().min(1).default(DEMO_DARAJA_CREDENTIALS.passkey),
    /** The back office's public HTTPS address for Safaricom's callbacks (the hub's MPESA_CALLBACK_PATH); the kiosk fetches them from the hub. */
    callbackUrl: z.url().default('https://backoffice.example/mpesa/v1/stk-callback'),
    requestTimeoutMs: z.number().int().min(1000).max(60_000).default(15_000),
    tokenRefreshMarginSeconds: z.number().int().min(0).max(600).default(60),
  })
  .prefault({})
  .refine((mpesa) => !(mpesa.simulator && mpesa.baseUrl), { message: 'mpesa: set either simulator or baseUrl, not both', path: ['simulator'] });

/** Safaricom's production Daraja: pushes here take citizens' real money. */
export const isRealMoneyDaraja = (mpesa: MpesaSettings) => mpesa.baseUrl !== undefined && new URL(mpesa.baseUrl).hostname === 'api.safaricom.co.ke';

export type MpesaSettings = z.output<typeof mpesaSettingsSchema>;
