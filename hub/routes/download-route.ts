import type { FastifyInstance } from 'fastify';
import { downloadQuerySchema, SYNC_PATHS, type DownloadResponse } from '@shared/sync/protocol';
import { decodeCursor, encodeCursor } from '../history-cursor';
import type { ConsoleStore } from '../store/console-store';
import type { HubStore } from '../store/hub-store';
import { refuseInvalid } from './refuse-invalid';

const MUST_REFETCH: DownloadResponse = { mustRefetch: true };

export function downloadRoute(scope: FastifyInstance, store: HubStore & ConsoleStore, options: { defaultPageRows: number; now: () => Date }): void {
  scope.get(SYNC_PATHS.download, async (request, reply) => {
    const query = downloadQuerySchema.safeParse(request.query);
    if (!query.success) return refuseInvalid(request, reply, 'invalid-query', query.error);
    const { cursor, limit = options.defaultPageRows } = query.data;
    const from = cursor === undefined ? { epoch: undefined, position: 0 } : decodeCursor(cursor);
    if (from === undefined) return MUST_REFETCH;

    const slice = await store.readChanges(from.position, limit);
    // Checked against the epoch the slice was read under, so a reset racing this read still counts.
    if ((from.epoch !== undefined && from.epoch !== slice.epoch) || from.position > slice.head) return MUST_REFETCH;
    // The cursor a kiosk sends is what its replica has applied: the console shows how far behind the head it is.
    await store.recordReplicaPosition({ kioskId: request.kioskId, position: from.position, head: slice.head, at: options.now().toISOString() });
    const page: DownloadResponse = {
      changes: slice.changes,
      cursor: encodeCursor({ epoch: slice.epoch, position: slice.through }),
      hasMore: slice.hasMore,
      totalRows: slice.totalRows,
    };
    // Pages are large: serialise once, without a schema pass.
    return reply.type('application/json').send(JSON.stringify(page));
  });
}
