import path from 'node:path';
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import { closePromptly } from '@shared/node/http/close-promptly';
import { silentLogger, type Logger } from '@shared/node/logging/logger';
import { EVENT_PAYLOAD_BYTES_MAX } from '@shared/sync/protocol';
import { DEFAULT_LOCKOUT_POLICY, type LockoutPolicy } from './centre-lockouts';
import { adminRoutes } from './routes/admin-routes';
import { auditHeadsRoute } from './routes/audit-heads-route';
import { centreStateRoute } from './routes/centre-state-route';
import { darajaCallbackRoute } from './routes/daraja-callback-route';
import { downloadRoute } from './routes/download-route';
import { heartbeatRoute } from './routes/heartbeat-route';
import { requireKioskToken } from './routes/kiosk-auth';
import { QuietRequestLog } from './quiet-request-log';
import { mpesaCallbacksRoute } from './routes/mpesa-callbacks-route';
import { releasePinsRoutes } from './routes/release-pins-route';
import { updatesRoute } from './routes/updates-route';
import { uploadRoute } from './routes/upload-route';
import { consoleServer } from './console-server/console-server';
import type { ConsoleStore } from './store/console-store';
import type { HubStore } from './store/hub-store';

export interface HubServerOptions {
  store: HubStore & ConsoleStore;
  /** The built console app (out/console), served at /console/; its API is there either way. */
  consoleAssets?: string;
  /** Console sign-ins one address may try per minute. */
  consoleSignInsPerMinute?: number;
  /** Bearer token for /admin/v1; without one the admin API is off. */
  adminToken?: string;
  /** An event payload above this is rejected (stored with the reason), never the batch. */
  maxPayloadBytes?: number;
  defaultPageRows?: number;
  now?: () => Date;
  /** Where the hub logs (the core's redacting logger); none by default. */
  log?: Logger;
  /** Posts one address may make to the open Daraja callback route per minute. */
  callbacksPerMinute?: number;
  /** How old a successful callback must be before it counts as money nobody claimed. */
  unclaimedAfterMinutes?: number;
  /** The Electron shell's releases and each centre's pin (hub/updates/release-pins.ts); none: no update feed. */
  releasesDir?: string;
  /** Wrong PINs across a centre's kiosks that lock a staff number, and for how long. */
  staffLockout?: LockoutPolicy;
}

/**
 * Every body but the routes' own larger limits (the kiosk's upload batch, the back office's
 * replica edits) is small: a heartbeat, 200 CheckoutRequestIDs.
 */
const DEFAULT_BODY_LIMIT = 64 * 1024;

/** A refusal names a stable code, never the validator's wording, a field, or the path asked for. */
const REFUSAL_CODES: Record<number, string> = { 400: 'invalid-request', 401: 'unauthorized', 404: 'not-found', 413: 'too-large', 415: 'unsupported-media-type' };
const refusal = (status: number) => ({ error: REFUSAL_CODES[status] ?? 'refused' });

/** The reference back office: the kiosk sync protocol (see electron/core/sync/protocol.ts) and Daraja's callbacks. */
export function createHubServer(options: HubServerOptions): FastifyInstance {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const logger: FastifyBaseLogger = options.log ?? silentLogger;
  const app = Fastify({
    loggerInstance: logger,
    logController: new QuietRequestLog(),
    bodyLimit: DEFAULT_BODY_LIMIT,
    // Addresses the router cannot take (bad escapes, over-long): Fastify's own answer quotes them.
    frameworkErrors: (_error, _request, reply: FastifyReply) => reply.code(400).send(refusal(400)),
  });

  closePromptly(app);
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(refusal(404)));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'hub error');
    // Fastify's message for a bad body can quote the body: only its code goes to the log.
    else request.log.warn({ route: request.routeOptions.url, status, code: error.code }, 'request refused');
    return reply.code(status).send(status === 500 ? { error: 'internal' } : refusal(status));
  });

  void app.register(async (sync) => {
    requireKioskToken(sync, store);
    // However a kiosk route words its 400, the answer is its code alone.
    sync.addHook('preSerialization', async (_request, reply, payload: unknown) => {
      if (reply.statusCode !== 400 || typeof payload !== 'object' || payload === null) return payload;
      const { error } = payload as { error?: unknown };
      return { error: typeof error === 'string' ? error : 'invalid-request' };
    });
    uploadRoute(sync, store, { maxPayloadBytes: Math.min(options.maxPayloadBytes ?? EVENT_PAYLOAD_BYTES_MAX, EVENT_PAYLOAD_BYTES_MAX), now });
    downloadRoute(sync, store, { defaultPageRows: options.defaultPageRows ?? 25_000, now });
    heartbeatRoute(sync, store, { now, unclaimedAfterMinutes: options.unclaimedAfterMinutes ?? 15 });
    mpesaCallbacksRoute(sync, store);
    auditHeadsRoute(sync, store);
    if (options.releasesDir) await updatesRoute(sync, store, path.resolve(options.releasesDir));
    centreStateRoute(sync, store, { now, lockout: options.staffLockout ?? DEFAULT_LOCKOUT_POLICY });
  });
  void app.register(async (open) => darajaCallbackRoute(open, store, { now, ...(options.callbacksPerMinute !== undefined && { callbacksPerMinute: options.callbacksPerMinute }) }));
  void app.register(async (scope) => consoleServer(scope, store, { now, assetsDir: options.consoleAssets, signInsPerMinute: options.consoleSignInsPerMinute }));
  const { adminToken } = options;
  if (adminToken) {
    void app.register(async (admin) => {
      adminRoutes(admin, store, adminToken, { now, unclaimedAfterMinutes: options.unclaimedAfterMinutes ?? 15 });
      if (options.releasesDir) releasePinsRoutes(admin, path.resolve(options.releasesDir));
    });
  }
  return app;
}
