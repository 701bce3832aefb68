import type { Clock } from '../clock';
import { SmsSimulator } from './sms-simulator';
import { AfricasTalkingClient } from './africas-talking-client';
import type { SmsGateway } from './sms-gateway';
import type { SmsSettings } from '../settings/sms-settings';

/** The gateway the settings choose. */
export function createSmsGateway(settings: SmsSettings, clock: Clock): SmsGateway {
  if (settings.provider === 'africastalking') return new AfricasTalkingClient(settings.africasTalking);
  return new SmsSimulator(clock);
}
