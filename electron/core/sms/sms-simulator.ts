import type { SmsGateway, SmsMessage, SmsReceipt } from './sms-gateway';
import { SimulatedMessageLog } from '../simulated-message-log';

/** The default SMS gateway: every message is accepted and kept in a recording outbox. */
export class SmsSimulator extends SimulatedMessageLog<SmsMessage> implements SmsGateway {
  readonly provider = 'simulator';

  send(message: SmsMessage): Promise<SmsReceipt> {
    return Promise.resolve({ messageId: this.record(message).messageId });
  }
}

/** The simulator behind `gateway`; throws when the kiosk is configured with a real provider. */
export function smsSimulatorOf(gateway: SmsGateway): SmsSimulator {
  if (!(gateway instanceof SmsSimulator)) throw new Error(`the SMS gateway is ${gateway.provider}, not the simulator`);
  return gateway;
}
