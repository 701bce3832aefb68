import Fastify, { type FastifyInstance } from 'fastify';
import { adminRoutes } from './routes/admin-routes';
import { darajaCallbackRoute } from './routes/daraja-callback-route';
import { downloadRoute } from './routes/download-route';
import { heartbeatRoute } from './routes/heartbeat-route';
import { requireKioskToken } from './routes/kiosk-auth';
import { mpesaCallbacksRoute } from './routes/mpesa-callbacks-route';
import { uploadRoute } from './routes/upload-route';
import type { HubStore } from './store/hub-store';

export interface HubServerOptions {
  store: HubStore;
  /** Bearer token for /admin/v1; without one the admin API is off. */
  adminToken?: string;
  /** An event payload above this is rejected (stored with the reason), never the batch. */
  maxPayloadBytes?: number;
  defaultPageRows?: number;
  now?: () => Date;
  logger?: boolean;
}

/** The reference back office: the kiosk sync protocol (see electron/core/sync/protocol.ts) and Daraja's callbacks. */
export function createHubServer(options: HubServerOptions): FastifyInstance {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 64 * 1024 * 1024 });

  void app.register(async (sync) => {
    requireKioskToken(sync, store);
    uploadRoute(sync, store, { maxPayloadBytes: options.maxPayloadBytes ?? 256 * 1024, now });
    downloadRoute(sync, store, { defaultPageRows: options.defaultPageRows ?? 25_000 });
    heartbeatRoute(sync, store, { now });
    mpesaCallbacksRoute(sync, store);
  });
  darajaCallbackRoute(app, store, { now });
  const { adminToken } = options;
  if (adminToken) void app.register(async (admin) => adminRoutes(admin, store, adminToken));
  return app;
}
