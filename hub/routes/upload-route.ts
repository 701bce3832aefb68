import type { FastifyInstance } from 'fastify';
import { SYNC_PATHS, UPLOAD_BODY_LIMIT_BYTES, uploadRequestSchema, type UploadConflict, type UploadResponse } from '@shared/sync/protocol';
import { judgeEvent } from '../event-rules';
import type { HubStore } from '../store/hub-store';
import { refuseInvalid } from './refuse-invalid';

export function uploadRoute(scope: FastifyInstance, store: HubStore, options: { maxPayloadBytes: number; now: () => Date }): void {
  // Sized to the largest batch a kiosk builds (protocol.ts), not to whatever a token holder posts.
  scope.post(SYNC_PATHS.upload, { bodyLimit: UPLOAD_BODY_LIMIT_BYTES }, async (request, reply) => {
    const body = uploadRequestSchema.safeParse(request.body);
    if (!body.success) return refuseInvalid(request, reply, 'invalid-batch', body.error);
    const receivedAt = options.now().toISOString();
    const { auditHead } = body.data;
    const judged = body.data.events.map((event) => judgeEvent(event, options.maxPayloadBytes));
    // The audit head is checked first, in the same transaction: a kiosk whose audit log went back or was rewritten gets nothing stored.
    const outcome = await store.applyEvents(request.kioskId, judged, receivedAt, auditHead);
    if (outcome.kind === 'audit-head-conflict') {
      request.log.warn({ route: request.routeOptions.url, refused: 'audit-head-conflict' }, 'audit head refused');
      const conflict: UploadConflict = { error: 'audit-head-conflict', appliedThrough: 0, auditHead: outcome.latest };
      return reply.code(409).send(conflict);
    }
    if (outcome.kind === 'conflict') {
      const conflict: UploadConflict = { error: outcome.error, appliedThrough: outcome.appliedThrough };
      return reply.code(409).send(conflict);
    }
    const answer: UploadResponse = { appliedThrough: outcome.appliedThrough, rejected: outcome.rejected, ...(auditHead ? { auditHead } : {}) };
    return answer;
  });
}
