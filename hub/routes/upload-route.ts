import type { FastifyInstance } from 'fastify';
import { SYNC_PATHS, uploadRequestSchema, type UploadConflict, type UploadResponse } from '../../electron/core/sync/protocol';
import { judgeEvent } from '../event-rules';
import type { HubStore } from '../store/hub-store';

export function uploadRoute(scope: FastifyInstance, store: HubStore, options: { maxPayloadBytes: number; now: () => Date }): void {
  scope.post(SYNC_PATHS.upload, async (request, reply) => {
    const body = uploadRequestSchema.safeParse(request.body);
    if (!body.success) return reply.code(400).send({ error: 'invalid-batch', detail: body.error.issues[0]?.message });
    const judged = body.data.events.map((event) => judgeEvent(event, options.maxPayloadBytes));
    const outcome = await store.applyEvents(request.kioskId, judged, options.now().toISOString());
    if (outcome.kind === 'conflict') {
      const conflict: UploadConflict = { error: outcome.error, appliedThrough: outcome.appliedThrough };
      return reply.code(409).send(conflict);
    }
    const answer: UploadResponse = { appliedThrough: outcome.appliedThrough, rejected: outcome.rejected };
    return answer;
  });
}
