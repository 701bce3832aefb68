import type { FastifyInstance } from 'fastify';
import { bearerToken, hashToken } from '../kiosk-tokens';
import type { HubStore } from '../store/hub-store';

declare module 'fastify' {
  interface FastifyRequest {
    /** The kiosk the bearer token belongs to; every sync route acts for it alone. */
    kioskId: string;
  }
}

/** Refuses any request of this scope that does not carry a known kiosk's token. */
export function requireKioskToken(scope: FastifyInstance, store: HubStore): void {
  scope.decorateRequest('kioskId', '');
  scope.addHook('onRequest', async (request, reply) => {
    const token = bearerToken(request.headers.authorization);
    const kioskId = token === undefined ? undefined : await store.kioskForToken(hashToken(token));
    if (kioskId === undefined) return reply.code(401).send({ error: 'unauthorized' });
    request.kioskId = kioskId;
  });
}
