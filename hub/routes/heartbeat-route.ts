import type { FastifyInstance } from 'fastify';
import { heartbeatSchema, SYNC_PATHS, type UnclaimedMpesa } from '@shared/sync/protocol';
import type { HubStore } from '../store/hub-store';
import { refuseInvalid } from './refuse-invalid';

/** The kiosk's own unclaimed M-Pesa money rides on its heartbeat, older than `unclaimedAfterMinutes`. */
export function heartbeatRoute(scope: FastifyInstance, store: HubStore, options: { now: () => Date; unclaimedAfterMinutes: number }): void {
  scope.post(SYNC_PATHS.heartbeat, async (request, reply) => {
    const heartbeat = heartbeatSchema.safeParse(request.body);
    if (!heartbeat.success) return refuseInvalid(request, reply, 'invalid-heartbeat', heartbeat.error);
    const now = options.now();
    await store.recordHeartbeat(request.kioskId, heartbeat.data, now.toISOString());
    const before = new Date(now.getTime() - options.unclaimedAfterMinutes * 60_000).toISOString();
    const unclaimedMpesa: UnclaimedMpesa[] = (await store.unclaimedMpesaPayments(before))
      .filter((row) => row.kioskId === request.kioskId)
      .map(({ receiptNumber, amount, receivedAt }) => ({ receiptNumber, amount, receivedAt }));
    return { unclaimedMpesa };
  });
}
