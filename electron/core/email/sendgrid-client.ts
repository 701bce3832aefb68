import { z } from 'zod';
import { EmailSendError, type EmailGateway, type EmailMessage, type EmailReceipt } from './email-gateway';

export interface SendGridOptions {
  apiKey: string;
  fromEmail: string;
  fromName: string;
  baseUrl?: string | undefined;
  requestTimeoutMs: number;
}

const LIVE_URL = 'https://api.sendgrid.com';

/** A refusal's body: `{ errors: [{ message, field, help }] }`. Only the field names are kept. */
const refusalSchema = z.object({ errors: z.array(z.object({ field: z.string().nullish() })).min(1) });

/**
 * SendGrid's v3 Mail Send API: a JSON POST to `/v3/mail/send` with a Bearer API key. It
 * answers 202 Accepted with an empty body and the message id in the `X-Message-Id` header.
 * Used only when a deployment configures it; tests and the demo use the simulator.
 */
export class SendGridClient implements EmailGateway {
  readonly provider = 'sendgrid';
  private readonly url: string;

  constructor(private readonly options: SendGridOptions) {
    this.url = new URL('/v3/mail/send', options.baseUrl ?? LIVE_URL).toString();
  }

  async send(message: EmailMessage): Promise<EmailReceipt> {
    const body = {
      personalizations: [{ to: [{ email: message.to }] }],
      from: { email: this.options.fromEmail, name: this.options.fromName },
      subject: message.subject,
      content: [{ type: 'text/plain', value: message.text }],
      // A one-time code: no tracking pixel or rewritten links in it.
      tracking_settings: { click_tracking: { enable: false }, open_tracking: { enable: false } },
    };
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: { Authorization: `Bearer ${this.options.apiKey}`, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.requestTimeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new EmailSendError(timedOut ? 'timeout' : 'network', true);
    }
    const text = await response.text();
    if (response.status === 202 || response.status === 200) return { messageId: response.headers.get('x-message-id') ?? '' };
    // 429 (rate limit) and 5xx may pass later; 400 (a field refused), 401, 403 and 413 will not.
    const retryable = response.status === 429 || response.status >= 500;
    const refused = refusalSchema.safeParse(safeJson(text));
    const fields = refused.success ? refused.data.errors.map((error) => error.field ?? '').filter((field) => field !== '') : [];
    throw new EmailSendError(fields.length > 0 ? `http-${response.status}-${fields.join(',')}` : `http-${response.status}`, retryable);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
