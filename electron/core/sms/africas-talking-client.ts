import { z } from 'zod';
import { SmsSendError, type SmsGateway, type SmsMessage, type SmsReceipt } from './sms-gateway';

export interface AfricasTalkingOptions {
  username: string;
  apiKey: string;
  senderId: string;
  baseUrl?: string | undefined;
  requestTimeoutMs: number;
}

const LIVE_URL = 'https://api.africastalking.com';
const SANDBOX_URL = 'https://api.sandbox.africastalking.com';

/** `POST /version1/messaging` answers `SMSMessageData` with one entry per recipient. */
const answerSchema = z.object({
  SMSMessageData: z.object({
    Message: z.string().default(''),
    Recipients: z.array(
      z.object({
        statusCode: z.number().int(),
        number: z.string(),
        status: z.string(),
        messageId: z.string().default(''),
      }),
    ),
  }),
});

/** 100 Processed, 101 Sent, 102 Queued: the provider has the message. */
const ACCEPTED = new Set([100, 101, 102]);
/** 407 CouldNotRoute and the 5xx gateway faults may pass on a later try; bad numbers, blacklists and no credit will not. */
const RETRYABLE = new Set([407, 500, 501, 502]);

/**
 * Africa's Talking bulk SMS API: a form-encoded POST with the app's username, the
 * recipient and the text, authenticated by the `apiKey` header. Used only when a deployment
 * configures it; tests and the demo use the simulator.
 */
export class AfricasTalkingClient implements SmsGateway {
  readonly provider = 'africastalking';
  private readonly url: string;

  constructor(private readonly options: AfricasTalkingOptions) {
    const base = options.baseUrl ?? (options.username === 'sandbox' ? SANDBOX_URL : LIVE_URL);
    this.url = new URL('/version1/messaging', base).toString();
  }

  async send(message: SmsMessage): Promise<SmsReceipt> {
    const form = new URLSearchParams({ username: this.options.username, to: message.to, message: message.text });
    if (this.options.senderId) form.set('from', this.options.senderId);
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: { apiKey: this.options.apiKey, Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: form,
        signal: AbortSignal.timeout(this.options.requestTimeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new SmsSendError(timedOut ? 'timeout' : 'network', true);
    }
    const text = await response.text();
    if (!response.ok) throw new SmsSendError(`http-${response.status}`, response.status >= 500 || response.status === 429);
    const parsed = answerSchema.safeParse(safeJson(text));
    if (!parsed.success) throw new SmsSendError('unreadable-answer', true);
    const recipient = parsed.data.SMSMessageData.Recipients[0];
    // No recipient at all means the number was refused before routing (e.g. "InvalidPhoneNumber").
    if (!recipient) throw new SmsSendError('no-recipient', false);
    if (!ACCEPTED.has(recipient.statusCode)) {
      throw new SmsSendError(`status-${recipient.statusCode}-${recipient.status}`, RETRYABLE.has(recipient.statusCode));
    }
    return { messageId: recipient.messageId };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
