/** One plain-text email to one address. */
export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** What the provider said it did with a message it accepted. */
export interface EmailReceipt {
  /** The provider's id for the message; empty when the provider gives none. */
  readonly messageId: string;
}

/**
 * Where emails (one-time codes to a new address) go out. The simulator is the default (demo
 * and tests); a deployment configures a real provider in the `email` settings.
 */
export interface EmailGateway {
  readonly provider: 'simulator' | 'sendgrid';
  /** Resolves when the provider accepted the message; rejects with an EmailSendError otherwise. */
  send(message: EmailMessage): Promise<EmailReceipt>;
}

/**
 * The provider did not take the message. `retryable` says whether trying again later may
 * work (network, provider busy) or not (bad address, wrong credentials, unverified sender).
 */
export class EmailSendError extends Error {
  constructor(
    readonly reason: string,
    readonly retryable: boolean,
  ) {
    super(`Email not sent: ${reason}`);
    this.name = 'EmailSendError';
  }
}
