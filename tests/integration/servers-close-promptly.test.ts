import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHost } from '../../electron/host/host-server';
import { startCardTerminalServer } from '../../electron/simulators/card/card-terminal-server';
import { startDarajaSimulator } from '../../electron/simulators/daraja/daraja-simulator';
import { silentLogger } from '../../shared/node/logging/logger';
import { MPESA_CALLBACK_PATH, SYNC_PATHS } from '../../shared/sync/protocol';
import { tempKiosk } from '../support/temp-kiosk';
import { startTestHub } from '../support/test-hub';

const rendererDir = path.resolve(import.meta.dirname, '../support/renderer-stub');

interface AcrossClose {
  status: number;
  headers: Record<string, string>;
  /** The server ended the connection after its answer. */
  ended: boolean;
}

/**
 * A keep-alive request that is in flight when its server starts closing: its head goes out
 * with `Expect: 100-continue`, the server's "100 Continue" says it holds the request, then
 * `close` starts and only then the body is sent. Resolves with the answer once the server has
 * closed, so a close that waits on the connection fails the test by its time-out.
 */
function requestAcrossClose(origin: string, request: { target: string; headers?: Record<string, string>; body: string }, close: () => Promise<void>): Promise<AcrossClose> {
  const { hostname, port } = new URL(origin);
  const head = [
    `POST ${request.target} HTTP/1.1`,
    `host: ${hostname}:${port}`,
    'content-type: application/json',
    `content-length: ${Buffer.byteLength(request.body)}`,
    'expect: 100-continue',
    ...Object.entries(request.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
  ];
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let received = '';
    let closed: Promise<void> | undefined;
    socket.setEncoding('utf8');
    socket.on('error', reject);
    socket.on('data', (chunk: string) => {
      received += chunk;
      if (!closed && received.startsWith('HTTP/1.1 100 Continue\r\n\r\n')) {
        received = received.slice('HTTP/1.1 100 Continue\r\n\r\n'.length);
        closed = close();
        socket.write(request.body);
      }
    });
    socket.on('end', () => {
      const headEnd = received.indexOf('\r\n\r\n');
      const [statusLine = '', ...lines] = received.slice(0, headEnd).split('\r\n');
      const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      if (!closed) return reject(new Error(`no "100 Continue" before the connection ended: ${received.slice(0, 200)}`));
      closed.then(() => resolve({ status: Number(statusLine.split(' ')[1]), headers, ended: true }), reject);
    });
    socket.write(`${head.join('\r\n')}\r\n\r\n`);
  });
}

/**
 * A server closing (the hub restarting, the kiosk shutting down, a test ending) answers the
 * request it is in the middle of, then ends that connection: it does not wait for the
 * client's keep-alive to lapse (Fastify's keepAliveTimeout is 72 s).
 */
describe('a server closing while a request is in flight', () => {
  it('the hub answers Daraja’s callback, then ends the connection and closes', async () => {
    const hub = await startTestHub();
    const body = JSON.stringify({ Body: { stkCallback: { MerchantRequestID: 'm-1', CheckoutRequestID: 'ws_CO_1', ResultCode: 1032, ResultDesc: 'Request cancelled by user' } } });
    const answer = await requestAcrossClose(hub.url, { target: MPESA_CALLBACK_PATH, body }, () => hub.close());
    expect(answer).toMatchObject({ status: 200, headers: { connection: 'close' }, ended: true });
  });

  it('the browser host answers the page’s call, then ends the connection and closes', async () => {
    const kiosk = tempKiosk();
    try {
      const host = await startHost({ core: kiosk.core, rendererDir, log: silentLogger });
      const answer = await requestAcrossClose(
        host.origin,
        { target: '/api/call/kiosk.info', headers: { origin: host.origin, 'x-kiosk-secret': host.secret }, body: '{}' },
        () => host.close(),
      );
      expect(answer).toMatchObject({ status: 200, headers: { connection: 'close' }, ended: true });
    } finally {
      await kiosk.dispose();
    }
  });

  it('the hub ends connections that sent nothing or half a request head, and closes', async () => {
    const hub = await startTestHub();
    const { hostname, port } = new URL(hub.url);
    const connect = () =>
      new Promise<net.Socket>((resolve, reject) => {
        const socket = net.connect(Number(port), hostname, () => resolve(socket));
        socket.on('error', reject);
      });
    const silent = await connect();
    const halfHead = await connect();
    halfHead.write(`GET ${SYNC_PATHS.download} HTTP/1.1\r\nhost: ${hostname}`);
    // Connections are taken in the order they came: once a later one is answered, both are the server's.
    expect((await fetch(`${hub.url}/nowhere`)).status).toBe(404);
    const ended = (socket: net.Socket) => new Promise<void>((resolve) => socket.once('close', () => resolve()));
    const bothEnded = Promise.all([ended(silent), ended(halfHead)]);
    await hub.close();
    await bothEnded;
  });

  it('the Daraja simulator and the card terminal simulator do the same', async () => {
    const daraja = await startDarajaSimulator();
    // No token: refused, and the refusal too ends its connection.
    const query = await requestAcrossClose(daraja.url, { target: '/mpesa/stkpushquery/v1/query', body: '{}' }, () => daraja.close());
    expect(query).toMatchObject({ headers: { connection: 'close' }, ended: true });
    expect(query.status).toBeGreaterThanOrEqual(400);

    const terminal = await startCardTerminalServer();
    const charge = await requestAcrossClose(terminal.url, { target: '/v1/charges', body: '{}' }, () => terminal.close());
    expect(charge).toMatchObject({ status: 400, headers: { connection: 'close' }, ended: true });
  });
});
