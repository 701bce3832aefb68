import { randomUUID } from 'node:crypto';
import type { Clock } from '../../clock';
import type { SmsGateway, SmsMessage, SmsReceipt } from '../../sms/sms-gateway';

export interface SimulatedSms extends SmsMessage {
  readonly messageId: string;
  readonly sentAt: string;
}

/** Enough for a demo and any test; older messages drop off so memory stays bounded. */
const KEEP_MESSAGES = 200;

/**
 * The default SMS gateway: accepts every message and keeps the recent ones in memory, so
 * tests and the demo can read the code a citizen would have received. Nothing leaves the
 * kiosk and nothing is written to disk or logs.
 */
export class SmsSimulator implements SmsGateway {
  readonly provider = 'simulator';
  private readonly messages: SimulatedSms[] = [];

  constructor(private readonly clock: Clock) {}

  send(message: SmsMessage): Promise<SmsReceipt> {
    const sent: SimulatedSms = { ...message, messageId: `SIM-${randomUUID()}`, sentAt: this.clock.now().toISOString() };
    this.messages.push(sent);
    if (this.messages.length > KEEP_MESSAGES) this.messages.shift();
    return Promise.resolve({ messageId: sent.messageId });
  }

  /** Every message still kept, oldest first. */
  outbox(): readonly SimulatedSms[] {
    return [...this.messages];
  }

  /** The latest message to `to` (E.164), if any. */
  lastTo(to: string): SimulatedSms | undefined {
    return this.messages.findLast((message) => message.to === to);
  }
}

/** The simulator behind `gateway`; throws when the kiosk is configured with a real provider. */
export function smsSimulatorOf(gateway: SmsGateway): SmsSimulator {
  if (!(gateway instanceof SmsSimulator)) throw new Error(`the SMS gateway is ${gateway.provider}, not the simulator`);
  return gateway;
}
