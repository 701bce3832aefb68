import type { FastifyInstance } from 'fastify';
import { auditHeadsQuerySchema, SYNC_PATHS, type AuditHeadsResponse } from '@shared/sync/protocol';
import type { HubStore } from '../store/hub-store';
import { refuseInvalid } from './refuse-invalid';

/** The audit heads the hub holds for the asking kiosk (never another's), for `npm run audit -- verify`. */
export function auditHeadsRoute(scope: FastifyInstance, store: HubStore): void {
  scope.get(SYNC_PATHS.auditHeads, async (request, reply) => {
    const query = auditHeadsQuerySchema.safeParse(request.query);
    if (!query.success) return refuseInvalid(request, reply, 'invalid-query', query.error);
    const { after, limit } = query.data;
    // One more than asked tells whether another page follows.
    const heads = await store.listAuditHeads(request.kioskId, after, limit + 1);
    const answer: AuditHeadsResponse = { heads: heads.slice(0, limit), hasMore: heads.length > limit };
    return answer;
  });
}
