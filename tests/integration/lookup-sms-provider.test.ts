import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AfricasTalkingClient } from '../../electron/core/sms/africas-talking-client';
import { smsSettingsSchema } from '../../electron/core/settings/sms-settings';

/** A loopback stand-in for Africa's Talking: records each request and answers as scripted. */
async function fakeProvider(answer: (body: URLSearchParams) => { status: number; body: string }) {
  const requests: { path: string; headers: IncomingMessage['headers']; body: URLSearchParams }[] = [];
  const server: Server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      const body = new URLSearchParams(text);
      requests.push({ path: request.url ?? '', headers: request.headers, body });
      const reply = answer(body);
      response.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { baseUrl, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const recipient = (statusCode: number, status: string) =>
  JSON.stringify({ SMSMessageData: { Message: 'Sent to 1/1 Total Cost: KES 0.8000', Recipients: [{ statusCode, number: '+254712345457', status, cost: 'KES 0.8000', messageId: 'ATXid_1' }] } });

describe("Africa's Talking SMS client (against a loopback stand-in)", () => {
  let close: () => Promise<void> = async () => undefined;
  afterEach(() => close());

  async function client(answer: Parameters<typeof fakeProvider>[0], senderId = '') {
    const provider = await fakeProvider(answer);
    close = provider.close;
    return { provider, sms: new AfricasTalkingClient({ username: 'huduma', apiKey: 'key-123', senderId, baseUrl: provider.baseUrl, requestTimeoutMs: 2000 }) };
  }

  it('posts the documented form with the apiKey header and reads the message id', async () => {
    const { provider, sms } = await client(() => ({ status: 201, body: recipient(101, 'Success') }), 'HUDUMA');
    await expect(sms.send({ to: '+254712345457', text: 'code 123456' })).resolves.toEqual({ messageId: 'ATXid_1' });
    const [request] = provider.requests;
    expect(request?.path).toBe('/version1/messaging');
    expect(request?.headers['apikey']).toBe('key-123');
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(request?.body ?? [])).toEqual({ username: 'huduma', to: '+254712345457', message: 'code 123456', from: 'HUDUMA' });
  });

  it('turns refusals into typed errors that say whether a retry may help', async () => {
    let answer = { status: 201, body: recipient(403, 'InvalidPhoneNumber') };
    const { sms } = await client(() => answer);
    await expect(sms.send({ to: '+254712345457', text: 'x' })).rejects.toMatchObject({ reason: 'status-403-InvalidPhoneNumber', retryable: false });
    answer = { status: 201, body: recipient(500, 'InternalServerError') };
    await expect(sms.send({ to: '+254712345457', text: 'x' })).rejects.toMatchObject({ retryable: true });
    answer = { status: 401, body: 'The supplied authentication is invalid' };
    await expect(sms.send({ to: '+254712345457', text: 'x' })).rejects.toMatchObject({ reason: 'http-401', retryable: false });
    answer = { status: 201, body: '<html>gateway</html>' };
    await expect(sms.send({ to: '+254712345457', text: 'x' })).rejects.toMatchObject({ reason: 'unreadable-answer' });
  });

  it('is chosen only by settings, and then needs an API key', () => {
    expect(smsSettingsSchema.parse(undefined).provider).toBe('simulator');
    expect(smsSettingsSchema.safeParse({ provider: 'africastalking' }).success).toBe(false);
    expect(smsSettingsSchema.safeParse({ provider: 'africastalking', africasTalking: { username: 'huduma', apiKey: 'k' } }).success).toBe(true);
  });
});
