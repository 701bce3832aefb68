import type { EmailGateway, EmailMessage, EmailReceipt } from './email-gateway';
import { SimulatedMessageLog } from '../simulated-message-log';

/** The default email gateway: every message is accepted and kept in a recording outbox. */
export class EmailSimulator extends SimulatedMessageLog<EmailMessage> implements EmailGateway {
  readonly provider = 'simulator';

  send(message: EmailMessage): Promise<EmailReceipt> {
    return Promise.resolve({ messageId: this.record(message).messageId });
  }
}

/** The simulator behind `gateway`; throws when the kiosk is configured with a real provider. */
export function emailSimulatorOf(gateway: EmailGateway): EmailSimulator {
  if (!(gateway instanceof EmailSimulator)) throw new Error(`the email gateway is ${gateway.provider}, not the simulator`);
  return gateway;
}
