import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorPayload } from '@shared/errors';
import type { KioskCore } from '../core/kiosk-core';
import type { Logger } from '@shared/node/logging/logger';
import { launchPageAt } from './launch-page';
import { LAUNCH_TOKEN_TTL_MS, LaunchTokens } from './launch-tokens';
import { isFromOwnPage, isTrustedApiRequest, type HostIdentity } from './request-guard';
import { closePromptly } from '@shared/node/http/close-promptly';
import { SECURITY_HEADERS } from '@shared/security-headers';

export interface HostOptions {
  core: KioskCore;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  log: Logger;
  /** Keep a page here that opens the kiosk with a live launch token (see launch-page.ts), for a browser started by systemd. */
  launchPage?: string;
}

export interface RunningHost {
  origin: string;
  /**
   * A fresh address to open the kiosk page at. Its fragment carries a one-time launch token
   * (never sent to a server by the browser), which the page trades for the API secret; each
   * call mints a new token, valid once for a few minutes.
   */
  newLaunchUrl(): string;
  /** The API secret, for callers in this process only (tests); never printed. */
  secret: string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';
const EVENT_KEEPALIVE_MS = 15_000;
const LaunchRequest = z.object({ token: z.string().min(1).max(200) }).strict();

/**
 * The browser host: the built renderer and the contract over HTTP on loopback, for Chromium
 * kiosk mode and the end-to-end tests. Same core, same contract as the Electron shell.
 */
export async function startHost({ core, rendererDir, port = 0, log, launchPage: launchPageFile }: HostOptions): Promise<RunningHost> {
  const secret = randomBytes(32).toString('base64url');
  // Closing ends the page's event streams (they never end by themselves) and idle connections;
  // a call in flight still gets its answer (a supervisor's shutdown, answered once synced).
  const eventStreams = new Set<ServerResponse>();
  const app = Fastify({
    loggerInstance: log,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 64 * 1024,
    forceCloseConnections: 'idle',
    // Addresses the router cannot take (a call name past its length limit, bad escapes)
    // still get a contract answer rather than Fastify's own error shape.
    frameworkErrors: (_error, _request, reply: FastifyReply) => reply.code(400).send({ ok: false, error: errorPayload('request.invalid') }),
  });
  const indexHtml = await readFile(path.join(rendererDir, 'index.html'), 'utf8');
  let identity: HostIdentity = { origin: '', host: '' };
  const launchTokens = new LaunchTokens();
  const newLaunchUrl = () => `${identity.origin}/#launch=${launchTokens.mint()}`;
  const launchPage = launchPageFile ? launchPageAt(launchPageFile, newLaunchUrl) : undefined;
  const refuse = (request: FastifyRequest, reply: FastifyReply) => {
    log.warn({ route: request.routeOptions.url, method: request.method }, 'untrusted API request refused');
    return reply.code(403).send({ ok: false, error: errorPayload('host.forbidden') });
  };

  closePromptly(app);
  app.addHook('onSend', async (_request, reply) => {
    reply.headers(SECURITY_HEADERS);
  });

  // Fastify's own 404 names the method and path it was given.
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ ok: false, error: errorPayload('request.invalid') }));

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    if (status >= 500) log.error({ err: error }, 'host error');
    return reply.code(status).send({ ok: false, error: errorPayload(status < 500 ? 'request.invalid' : 'internal') });
  });

  // The guards are hooks of the scopes the routes live in, so they run for every request the
  // router sends to these routes, however its address was spelled (percent-escapes, slashes,
  // case): a test on the raw URL would see the spelling, the router sees the route.
  await app.register(async (launch: FastifyInstance) => {
    launch.addHook('onRequest', async (request, reply) => {
      if (!isFromOwnPage(request.method, request.headers, identity)) return refuse(request, reply);
    });
    // The page trades the one-time token from its address for the secret, kept in its memory.
    launch.post('/api/launch', async (request, reply) => {
      const parsed = LaunchRequest.safeParse(request.body);
      if (!parsed.success || !launchTokens.spend(parsed.data.token)) return refuse(request, reply);
      // A spent page is useless to the next browser start: it gets a new token at once.
      launchPage?.renew();
      return { ok: true, value: { secret } };
    });
  });

  await app.register(async (api: FastifyInstance) => {
    api.addHook('onRequest', async (request, reply) => {
      if (!isTrustedApiRequest(request.method, request.headers, { ...identity, secret })) return refuse(request, reply);
    });

    api.post<{ Params: { name: string } }>('/api/call/:name', async (request) => core.invoke(request.params.name, request.body));

    // No HEAD twin: the page never asks for one, and a stream has no head to give alone.
    api.get('/api/events', { exposeHeadRoute: false }, (request, reply) => {
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream', connection: 'keep-alive' });
      res.write(': connected\n\n');
      const unsubscribe = core.subscribe((name, payload) => {
        res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
      });
      const keepalive = setInterval(() => res.write(': keepalive\n\n'), EVENT_KEEPALIVE_MS);
      eventStreams.add(res);
      request.raw.on('close', () => {
        clearInterval(keepalive);
        unsubscribe();
        eventStreams.delete(res);
      });
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
  identity = { origin, host: `${LOOPBACK}:${boundPort}` };
  launchPage?.renew();
  // Renewed well within a token's life, so the page never holds an expired one.
  const renewal = launchPage ? setInterval(() => launchPage.renew(), LAUNCH_TOKEN_TTL_MS / 2).unref() : undefined;

  return {
    origin,
    newLaunchUrl,
    secret,
    close: async () => {
      clearInterval(renewal);
      launchPage?.remove();
      for (const stream of eventStreams) stream.end();
      await app.close();
    },
  };
}
