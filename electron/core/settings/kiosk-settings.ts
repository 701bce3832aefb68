import { z } from 'zod';
import { emailSettingsSchema } from './email-settings';
import { lookupSettingsSchema } from './lookup-settings';
import { mpesaSettingsSchema } from './mpesa-settings';
import { paymentSettingsSchema } from './payment-settings';
import { printerSettingsSchema, receiptSettingsSchema } from './receipt-settings';
import { recoverySettingsSchema } from './recovery-settings';
import { smsSettingsSchema } from './sms-settings';
import { staffSettingsSchema } from './staff-settings';
import { syncSettingsSchema } from './sync-settings';
import { verificationSettingsSchema } from './verification-settings';

/**
 * Everything a deployment may tune. Each shell stores these (electron-store in Electron,
 * conf in the browser host) and hands them to the core, which validates them here; every
 * value has a default so an empty configuration is a working demo kiosk.
 */
export const kioskSettingsSchema = z.object({
  idle: z
    .object({
      timeoutSeconds: z.number().int().min(10).max(3600).default(60),
      warningSeconds: z.number().int().min(5).max(120).default(20),
    })
    .default({ timeoutSeconds: 60, warningSeconds: 20 }),
  mpesa: mpesaSettingsSchema,
  payments: paymentSettingsSchema,
  printer: printerSettingsSchema,
  receipts: receiptSettingsSchema,
  sync: syncSettingsSchema,
  sms: smsSettingsSchema,
  email: emailSettingsSchema,
  verification: verificationSettingsSchema,
  lookup: lookupSettingsSchema,
  staff: staffSettingsSchema,
  recovery: recoverySettingsSchema,
});

export type KioskSettings = z.output<typeof kioskSettingsSchema>;
export type KioskSettingsInput = z.input<typeof kioskSettingsSchema>;

export function parseKioskSettings(input: unknown): KioskSettings {
  return kioskSettingsSchema.parse(input ?? {});
}
