import { randomUUID } from 'node:crypto';
import type { Clock } from '../../clock';
import type { EmailGateway, EmailMessage, EmailReceipt } from '../../email/email-gateway';

export interface SimulatedEmail extends EmailMessage {
  readonly messageId: string;
  readonly sentAt: string;
}

/** Enough for a demo and any test; older messages drop off so memory stays bounded. */
const KEEP_MESSAGES = 200;

/**
 * The default email gateway: accepts every message and keeps the recent ones in memory, so
 * tests and the demo can read the code a citizen would have received. Nothing leaves the
 * kiosk and nothing is written to disk or logs.
 */
export class EmailSimulator implements EmailGateway {
  readonly provider = 'simulator';
  private readonly messages: SimulatedEmail[] = [];

  constructor(private readonly clock: Clock) {}

  send(message: EmailMessage): Promise<EmailReceipt> {
    const sent: SimulatedEmail = { ...message, messageId: `SIM-${randomUUID()}`, sentAt: this.clock.now().toISOString() };
    this.messages.push(sent);
    if (this.messages.length > KEEP_MESSAGES) this.messages.shift();
    return Promise.resolve({ messageId: sent.messageId });
  }

  /** Every message still kept, oldest first. */
  outbox(): readonly SimulatedEmail[] {
    return [...this.messages];
  }

  /** The latest message to `to`, if any. */
  lastTo(to: string): SimulatedEmail | undefined {
    return this.messages.findLast((message) => message.to === to);
  }
}

/** The simulator behind `gateway`; throws when the kiosk is configured with a real provider. */
export function emailSimulatorOf(gateway: EmailGateway): EmailSimulator {
  if (!(gateway instanceof EmailSimulator)) throw new Error(`the email gateway is ${gateway.provider}, not the simulator`);
  return gateway;
}
