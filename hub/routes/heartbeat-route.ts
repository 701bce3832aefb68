import type { FastifyInstance } from 'fastify';
import { heartbeatSchema, SYNC_PATHS } from '../../electron/core/sync/protocol';
import type { HubStore } from '../store/hub-store';

export function heartbeatRoute(scope: FastifyInstance, store: HubStore, options: { now: () => Date }): void {
  scope.post(SYNC_PATHS.heartbeat, async (request, reply) => {
    const heartbeat = heartbeatSchema.safeParse(request.body);
    if (!heartbeat.success) return reply.code(400).send({ error: 'invalid-heartbeat', detail: heartbeat.error.issues[0]?.message });
    await store.recordHeartbeat(request.kioskId, heartbeat.data, options.now().toISOString());
    return reply.code(204).send();
  });
}
