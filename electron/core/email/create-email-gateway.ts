import type { Clock } from '../clock';
import { EmailSimulator } from './email-simulator';
import type { EmailGateway } from './email-gateway';
import type { EmailSettings } from '../settings/email-settings';
import { SendGridClient } from './sendgrid-client';

/** The gateway the settings choose. */
export function createEmailGateway(settings: EmailSettings, clock: Clock): EmailGateway {
  if (settings.provider === 'sendgrid') return new SendGridClient(settings.sendgrid);
  return new EmailSimulator(clock);
}
