import { z } from 'zod';
import { CENTRE_SETTING_FIELDS } from '@shared/sync/centre-settings';
import { cardSettingsSchema } from './card-settings';
import { emailSettingsSchema } from './email-settings';
import { logSettingsSchema } from './log-settings';
import { lookupSettingsSchema } from './lookup-settings';
import { isRealMoneyDaraja, mpesaSettingsSchema } from './mpesa-settings';
import { paymentSettingsSchema } from './payment-settings';
import { printerSettingsSchema, receiptSettingsSchema } from './receipt-settings';
import { recoverySettingsSchema } from './recovery-settings';
import { smsSettingsSchema } from './sms-settings';
import { staffSettingsSchema } from './staff-settings';
import { syncSettingsSchema } from './sync-settings';
import { updateSettingsSchema } from './update-settings';
import { verificationSettingsSchema } from './verification-settings';

/**
 * Everything a deployment may tune. Each shell stores these (electron-store in Electron,
 * conf in the browser host) and hands them to the core, which validates them here. Every
 * value has a default except the payment providers, which are named or not offered (the
 * shells' demo preset names the simulators: see demo-settings.ts).
 */
export const kioskSettingsSections = z.object({
  /** A real kiosk is 'production' (see production-rules.ts); 'demo' runs on made-up people and simulators. */
  mode: z.enum(['demo', 'production']).default('demo'),
  idle: z
    .object({
      timeoutSeconds: CENTRE_SETTING_FIELDS.idle.timeoutSeconds.default(60),
      warningSeconds: CENTRE_SETTING_FIELDS.idle.warningSeconds.default(20),
    })
    .default({ timeoutSeconds: 60, warningSeconds: 20 })
    // A warning as long as the timeout would be on screen from the visit's first second.
    .refine((idle) => idle.warningSeconds < idle.timeoutSeconds, { message: 'idle.warningSeconds must be shorter than idle.timeoutSeconds', path: ['warningSeconds'] }),
  mpesa: mpesaSettingsSchema,
  card: cardSettingsSchema,
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
  logs: logSettingsSchema,
  updates: updateSettingsSchema,
});

export const kioskSettingsSchema = kioskSettingsSections
  // Real money and a simulator never share a kiosk: a simulated "approval" would be taken for
  // money received, and a simulated SMS would leave a paying citizen without their code.
  .superRefine((settings, context) => {
    if (!isRealMoneyDaraja(settings.mpesa)) return;
    const simulated = [
      settings.card.simulator && ['card', 'simulator'],
      settings.sms.provider === 'simulator' && ['sms', 'provider'],
      settings.email.provider === 'simulator' && ['email', 'provider'],
    ].filter((path): path is string[] => path !== false);
    for (const path of simulated) {
      context.addIssue({ code: 'custom', path, message: `real M-Pesa (api.safaricom.co.ke) cannot run beside a simulator: ${path.join('.')}` });
    }
  });

export type KioskMode = KioskSettings['mode'];
export type KioskSettings = z.output<typeof kioskSettingsSchema>;
export type KioskSettingsInput = z.input<typeof kioskSettingsSchema>;

export function parseKioskSettings(input: unknown): KioskSettings {
  return kioskSettingsSchema.parse(input ?? {});
}
