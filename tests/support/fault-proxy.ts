import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * What the proxy does to one request:
 * - `500`, `429`: answers that itself, the hub never sees the request;
 * - `hang`: never answers, so the kiosk's timeout fires;
 * - `reset`: destroys the connection before forwarding;
 * - `lost-answer`: forwards (the hub applies it), then destroys the connection instead of answering;
 * - `duplicate`: forwards, then sends the same request again after the hub answered, and
 *   answers the kiosk with the first answer.
 */
export type Fault = '500' | '429' | 'hang' | 'reset' | 'lost-answer' | 'duplicate';

/** A real HTTP server between kiosk and hub on loopback, with faults scripted per path. */
export class FaultProxy {
  private readonly plans = new Map<string, Fault[]>();
  private readonly sockets = new Set<Socket>();
  private readonly server: http.Server;
  private downUntil = 0;
  private readonly delays = new Map<string, number>();

  constructor(private readonly target: string) {
    this.server = http.createServer((request, response) => void this.handle(request, response));
    this.server.on('connection', (socket) => {
      if (Date.now() < this.downUntil) return void socket.destroy();
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next requests to `path` meet these faults, one each, in order. */
  inject(path: string, ...faults: Fault[]): void {
    this.plans.set(path, [...(this.plans.get(path) ?? []), ...faults]);
  }

  /** Refuses every connection for a while, and drops the open ones, as a hub that went away. */
  goDown(ms: number): void {
    this.downUntil = Date.now() + ms;
    for (const socket of this.sockets) socket.destroy();
  }

  /** Every later request to `path` waits this long before it is forwarded (0: no more): a slow hub or link. */
  slow(path: string, ms: number): void {
    this.delays.set(path, ms);
  }

  pending(path: string): number {
    return this.plans.get(path)?.length ?? 0;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const body = await readBody(request);
    if (Date.now() < this.downUntil) return void request.socket.destroy();
    const fault = this.plans.get(path)?.shift();

    if (fault === '500' || fault === '429') return void response.writeHead(Number(fault), { 'retry-after': '0' }).end('{"error":"injected"}');
    if (fault === 'hang') return;
    if (fault === 'reset') return void request.socket.destroy();

    const delay = this.delays.get(path) ?? 0;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const answer = await this.forward(request, body);
    if (fault === 'duplicate') await this.forward(request, body);
    if (fault === 'lost-answer') return void request.socket.destroy();
    response.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.body);
  }

  private async forward(request: http.IncomingMessage, body: Buffer): Promise<{ status: number; contentType: string; body: Buffer }> {
    const answer = await fetch(new URL(request.url ?? '/', this.target), {
      method: request.method,
      headers: {
        authorization: request.headers.authorization ?? '',
        ...(body.length > 0 ? { 'content-type': request.headers['content-type'] ?? 'application/json' } : {}),
      },
      body: body.length > 0 ? new Uint8Array(body) : undefined,
    });
    return { status: answer.status, contentType: answer.headers.get('content-type') ?? 'text/plain', body: Buffer.from(await answer.arrayBuffer()) };
  }
}

async function readBody(request: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
