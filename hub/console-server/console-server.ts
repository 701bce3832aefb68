import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { SECURITY_HEADERS } from '@shared/security-headers';
import type { ConsoleStore } from '../store/console-store';
import type { HubStore } from '../store/hub-store';
import { consoleAuth, requireAdmin } from './console-auth';
import { consoleCentreRoutes } from './console-centre-routes';
import { consoleDataRoutes } from './console-data-routes';

export interface ConsoleServerOptions {
  now: () => Date;
  /** The built console app (out/console); without it only the API is served. */
  assetsDir?: string;
  signInsPerMinute?: number;
}

/**
 * The back office's web console at /console/: the built app, and its API at /console/api,
 * every answer with the kiosk renderer's strict CSP and security headers.
 */
export async function consoleServer(scope: FastifyInstance, store: HubStore & ConsoleStore, options: ConsoleServerOptions): Promise<void> {
  scope.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(SECURITY_HEADERS);
    return payload;
  });
  await consoleAuth(scope, store, { now: options.now, signInsPerMinute: options.signInsPerMinute ?? 20 });
  await scope.register(async (guarded) => {
    requireAdmin(guarded, store, options.now);
    consoleDataRoutes(guarded, store, options.now);
    consoleCentreRoutes(guarded, store, options.now);
  });
  if (options.assetsDir !== undefined) {
    await scope.register(fastifyStatic, { root: options.assetsDir, prefix: '/console/', index: 'index.html', redirect: true, wildcard: false });
  }
}
