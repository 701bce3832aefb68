import type { FastifyInstance } from 'fastify';
import { mpesaCallbacksRequestSchema, SYNC_PATHS, type MpesaCallbacksResponse } from '@shared/sync/protocol';
import type { HubStore } from '../store/hub-store';

/** The kiosk's side: the callbacks kept for the pushes and attempts it names and owns (see the protocol). */
export function mpesaCallbacksRoute(scope: FastifyInstance, store: HubStore): void {
  scope.post(SYNC_PATHS.mpesaCallbacks, async (request, reply) => {
    const asked = mpesaCallbacksRequestSchema.safeParse(request.body);
    if (!asked.success) return reply.code(400).send({ error: 'invalid-request' });
    const answer: MpesaCallbacksResponse = { callbacks: await store.findMpesaCallbacks(request.kioskId, asked.data) };
    return answer;
  });
}
