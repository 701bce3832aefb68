/** One text message to one Kenyan mobile number (E.164, +2547… or +2541…). */
export interface SmsMessage {
  readonly to: string;
  readonly text: string;
}

/** What the provider said it did with a message it accepted. */
export interface SmsReceipt {
  readonly messageId: string;
}

/**
 * Where one-time codes and notices go out. The simulator is the default (demo and tests);
 * a deployment configures a real provider in the `sms` settings.
 */
export interface SmsGateway {
  readonly provider: 'simulator' | 'africastalking';
  /** Resolves when the provider accepted the message; rejects with an SmsSendError otherwise. */
  send(message: SmsMessage): Promise<SmsReceipt>;
}

/**
 * The provider did not take the message. `retryable` says whether trying again later may
 * work (network, provider busy) or not (bad number, no credit, wrong credentials).
 */
export class SmsSendError extends Error {
  constructor(
    readonly reason: string,
    readonly retryable: boolean,
  ) {
    super(`SMS not sent: ${reason}`);
    this.name = 'SmsSendError';
  }
}
