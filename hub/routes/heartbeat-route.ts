import type { FastifyInstance } from 'fastify';
import { heartbeatSchema, SYNC_PATHS } from '../../electron/core/sync/protocol';
import type { HubStore } from '../store/hub-store';
import { refuseInvalid } from './refuse-invalid';

export function heartbeatRoute(scope: FastifyInstance, store: HubStore, options: { now: () => Date }): void {
  scope.post(SYNC_PATHS.heartbeat, async (request, reply) => {
    const heartbeat = heartbeatSchema.safeParse(request.body);
    if (!heartbeat.success) return refuseInvalid(request, reply, 'invalid-heartbeat', heartbeat.error);
    await store.recordHeartbeat(request.kioskId, heartbeat.data, options.now().toISOString());
    return reply.code(204).send();
  });
}
