import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyError, type FastifyReply } from 'fastify';
import { errorPayload } from '../../shared/errors';
import type { KioskCore } from '../core/kiosk-core';
import type { Logger } from '../core/logger';
import { isTrustedApiRequest } from './request-guard';
import { SECURITY_HEADERS } from './security-headers';

export interface HostOptions {
  core: KioskCore;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  log: Logger;
}

export interface RunningHost {
  origin: string;
  /** Open this: the fragment carries the per-launch secret to the page and never to a server. */
  launchUrl: string;
  secret: string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';
const EVENT_KEEPALIVE_MS = 15_000;

/**
 * The browser host: the built renderer and the contract over HTTP on loopback, for Chromium
 * kiosk mode and the end-to-end tests. Same core, same contract as the Electron shell.
 */
export async function startHost({ core, rendererDir, port = 0, log }: HostOptions): Promise<RunningHost> {
  const secret = randomBytes(32).toString('base64url');
  // forceCloseConnections: the page's event stream never ends by itself.
  const app = Fastify({
    loggerInstance: log,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 64 * 1024,
    forceCloseConnections: true,
    // Addresses the router cannot take (a call name past its length limit, bad escapes)
    // still get a contract answer rather than Fastify's own error shape.
    frameworkErrors: (_error, _request, reply: FastifyReply) => reply.code(400).send({ ok: false, error: errorPayload('request.invalid') }),
  });
  const indexHtml = await readFile(path.join(rendererDir, 'index.html'), 'utf8');
  let expected = { origin: '', host: '', secret };

  app.addHook('onSend', async (_request, reply) => {
    reply.headers(SECURITY_HEADERS);
  });

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    if (!isTrustedApiRequest(request.method, request.headers, expected)) {
      log.warn({ route: request.routeOptions.url, method: request.method }, 'untrusted API request refused');
      return reply.code(403).send({ ok: false, error: errorPayload('host.forbidden') });
    }
  });

  // Fastify's own 404 names the method and path it was given.
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ ok: false, error: errorPayload('request.invalid') }));

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    if (status >= 500) log.error({ err: error }, 'host error');
    return reply.code(status).send({ ok: false, error: errorPayload(status < 500 ? 'request.invalid' : 'internal') });
  });

  app.post<{ Params: { name: string } }>('/api/call/:name', async (request) => core.invoke(request.params.name, request.body));

  app.get('/api/events', (request, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream', connection: 'keep-alive' });
    res.write(': connected\n\n');
    const unsubscribe = core.subscribe((name, payload) => {
      res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const keepalive = setInterval(() => res.write(': keepalive\n\n'), EVENT_KEEPALIVE_MS);
    request.raw.on('close', () => {
      clearInterval(keepalive);
      unsubscribe();
    });
  });

  await app.register(fastifyStatic, { root: rendererDir, index: false, wildcard: true });
  const sendIndex = (_request: unknown, reply: { type(t: string): { send(b: string): unknown } }) =>
    reply.type('text/html; charset=utf-8').send(indexHtml);
  app.get('/', sendIndex);

  await app.listen({ host: LOOPBACK, port });
  const address = app.server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  const origin = `http://${LOOPBACK}:${boundPort}`;
  expected = { origin, host: `${LOOPBACK}:${boundPort}`, secret };

  return {
    origin,
    launchUrl: `${origin}/#secret=${secret}`,
    secret,
    close: () => app.close(),
  };
}
