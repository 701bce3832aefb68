import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { emailSettingsSchema } from '../../electron/core/settings/email-settings';
import { SendGridClient } from '../../electron/core/email/sendgrid-client';

interface Reply {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/** A loopback stand-in for SendGrid's v3 Mail Send: records each request and answers as scripted. */
async function fakeSendGrid(answer: () => Reply) {
  const requests: { method: string; path: string; headers: IncomingMessage['headers']; body: unknown }[] = [];
  const server: Server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      requests.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body: JSON.parse(text) });
      const reply = answer();
      response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { baseUrl, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const refusal = (field: string | null, message: string) => JSON.stringify({ errors: [{ message, field, help: null }] });
const message = { to: 'jane.kamau@example.com', subject: 'Your eCitizen code: 123456', text: 'Your code is 123456.' };

describe('SendGrid email client (against a loopback stand-in)', () => {
  let close: () => Promise<void> = async () => undefined;
  afterEach(() => close());

  async function client(answer: () => Reply) {
    const provider = await fakeSendGrid(answer);
    close = provider.close;
    const email = new SendGridClient({ apiKey: 'SG.key-123', fromEmail: 'kiosk@huduma.example', fromName: 'eCitizen kiosk', baseUrl: provider.baseUrl, requestTimeoutMs: 2000 });
    return { provider, email };
  }

  it('posts the documented JSON with the Bearer key and reads the message id from X-Message-Id', async () => {
    const { provider, email } = await client(() => ({ status: 202, body: '', headers: { 'x-message-id': 'SG-msg-1' } }));
    await expect(email.send(message)).resolves.toEqual({ messageId: 'SG-msg-1' });
    const [request] = provider.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v3/mail/send' });
    expect(request?.headers['authorization']).toBe('Bearer SG.key-123');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.body).toEqual({
      personalizations: [{ to: [{ email: 'jane.kamau@example.com' }] }],
      from: { email: 'kiosk@huduma.example', name: 'eCitizen kiosk' },
      subject: 'Your eCitizen code: 123456',
      content: [{ type: 'text/plain', value: 'Your code is 123456.' }],
      tracking_settings: { click_tracking: { enable: false }, open_tracking: { enable: false } },
    });
  });

  it('turns refusals into typed errors that say whether a retry may help', async () => {
    let answer: Reply = { status: 400, body: refusal('from.email', 'The from address does not match a verified Sender Identity.') };
    const { email } = await client(() => answer);
    await expect(email.send(message)).rejects.toMatchObject({ name: 'EmailSendError', reason: 'http-400-from.email', retryable: false });
    answer = { status: 401, body: refusal(null, 'The provided authorization grant is invalid, expired, or revoked') };
    await expect(email.send(message)).rejects.toMatchObject({ reason: 'http-401', retryable: false });
    answer = { status: 429, body: refusal(null, 'too many requests') };
    await expect(email.send(message)).rejects.toMatchObject({ reason: 'http-429', retryable: true });
    answer = { status: 503, body: '<html>unavailable</html>' };
    await expect(email.send(message)).rejects.toMatchObject({ reason: 'http-503', retryable: true });
  });

  it('reports an unreachable provider as a retryable network error', async () => {
    const { provider } = await client(() => ({ status: 202, body: '' }));
    const baseUrl = provider.baseUrl;
    await close();
    close = async () => undefined;
    const email = new SendGridClient({ apiKey: 'k', fromEmail: 'kiosk@huduma.example', fromName: 'x', baseUrl, requestTimeoutMs: 2000 });
    await expect(email.send(message)).rejects.toMatchObject({ reason: 'network', retryable: true });
  });

  it('is chosen only by settings, and then needs an API key and a verified sender', () => {
    expect(emailSettingsSchema.parse(undefined).provider).toBe('simulator');
    expect(emailSettingsSchema.safeParse({ provider: 'sendgrid', sendgrid: { apiKey: 'k' } }).success).toBe(false);
    expect(emailSettingsSchema.safeParse({ provider: 'sendgrid', sendgrid: { fromEmail: 'kiosk@huduma.example' } }).success).toBe(false);
    expect(emailSettingsSchema.safeParse({ provider: 'sendgrid', sendgrid: { apiKey: 'k', fromEmail: 'not an address' } }).success).toBe(false);
    expect(emailSettingsSchema.safeParse({ provider: 'sendgrid', sendgrid: { apiKey: 'k', fromEmail: 'kiosk@huduma.example' } }).success).toBe(true);
  });
});
