import { DEMO_DARAJA_CREDENTIALS } from './demo-credentials';
import type { KioskSettings } from './kiosk-settings';

/** Safaricom's production Daraja: the only M-Pesa a production kiosk takes money through. */
const REAL_DARAJA_HOST = 'api.safaricom.co.ke';

/**
 * What a production kiosk must have and must not have, each as a line naming the setting.
 * A production kiosk talks to its back office, takes real money through real providers and
 * runs no simulator of any kind: a simulated "approval" would pass for money received, a
 * simulated SMS would leave a citizen without their code. Empty when the settings may run.
 * Each section is judged if it is there, so that one invalid section hides no other problem.
 */
export function productionSettingProblems(settings: Partial<KioskSettings>): string[] {
  const problems: string[] = [];
  const missing = (setting: string, why: string) => problems.push(`${setting} is missing: ${why}`);
  const forbidden = (setting: string, why: string) => problems.push(`${setting} is not allowed in production: ${why}`);

  const { sync, mpesa, card, sms, email, printer } = settings;
  if (sync?.hubUrl === '') missing('sync.hubUrl', "the back office's https:// address");
  if (sync?.kioskToken === '') missing('sync.kioskToken', 'the token `npm run hub -- admin add-kiosk` printed (a secret: `npm run secrets -- set sync.kioskToken`)');

  if (mpesa) {
    if (mpesa.simulator) forbidden('mpesa.simulator', 'the Daraja simulator takes no money');
    if (mpesa.baseUrl === undefined) missing('mpesa.baseUrl', `Safaricom's Daraja, https://${REAL_DARAJA_HOST}`);
    else if (new URL(mpesa.baseUrl).hostname !== REAL_DARAJA_HOST) forbidden(`mpesa.baseUrl ${mpesa.baseUrl}`, `only https://${REAL_DARAJA_HOST} takes real money`);
    for (const field of ['consumerKey', 'consumerSecret', 'shortcode', 'passkey'] as const) {
      if (mpesa[field] === DEMO_DARAJA_CREDENTIALS[field]) forbidden(`mpesa.${field}`, "it is the demo's; use your Daraja app's");
    }
  }

  if (card?.simulator) forbidden('card.simulator', 'the card terminal simulator takes no money (leave card out, or name the terminal with card.terminalUrl)');
  if (sms?.provider === 'simulator') forbidden('sms.provider simulator', "citizens' codes must reach their phones: set 'africastalking'");
  else if (sms?.africasTalking.username === 'sandbox') forbidden('sms.africasTalking.username sandbox', "the sandbox delivers nothing: use the live app's username");
  if (email?.provider === 'simulator') forbidden('email.provider simulator', "citizens' codes must reach their inboxes: set 'sendgrid'");
  // The simulator would tell a citizen to take a receipt that no printer printed. A kiosk may
  // have no printer at all ('none': receipts by SMS or email), but must say so.
  if (printer?.transport === 'file') forbidden('printer.transport file', "the printer simulator prints no paper: set 'tcp' (host) or 'usb' (devicePath), or 'none' for a kiosk without a printer");
  return problems;
}
