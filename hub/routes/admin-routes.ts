import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { cellSchema, storableText } from '@shared/sync/protocol';
import { REPLICA_TABLES } from '@shared/sync/replica-tables';
import { bearerToken, sameToken } from '../kiosk-tokens';
import { centreAdminRoutes } from './centre-admin-routes';
import type { HubStore } from '../store/hub-store';
import { refuseInvalid } from './refuse-invalid';

/** Back-office edits of the replica can be large; only the admin token reaches this route. */
const REPLICA_EDITS_BODY_LIMIT = 64 * 1024 * 1024;

const tableName = z.enum(REPLICA_TABLES.map((t) => t.name) as [string, ...string[]]);
const replicaEditsSchema = z.object({
  edits: z.array(
    z.object({
      table: tableName.transform((name) => name as (typeof REPLICA_TABLES)[number]['name']),
      upserts: z.array(z.record(z.string(), cellSchema)).optional(),
      deletes: z.array(z.union([storableText(), z.number()])).optional(),
    }),
  ),
});
const eventsQuerySchema = z.object({
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().positive().max(10_000).default(1000),
});

/**
 * The supervisor console's data and the back office's way in, behind the hub's admin token.
 * Without a configured token the admin API does not exist.
 */
export function adminRoutes(scope: FastifyInstance, store: HubStore, adminToken: string, options: { now: () => Date; unclaimedAfterMinutes: number }): void {
  scope.addHook('onRequest', async (request, reply) => {
    const token = bearerToken(request.headers.authorization);
    if (token === undefined || !sameToken(token, adminToken)) return reply.code(401).send({ error: 'unauthorized' });
  });

  scope.get('/admin/v1/kiosks', async () => ({ kiosks: await store.listKiosks() }));
  centreAdminRoutes(scope, store, options);

  /** Money M-Pesa took that no kiosk's payment claims (after a grace for the kiosk to upload it): to match or refund. */
  scope.get('/admin/v1/mpesa/unclaimed', async () => {
    const before = new Date(options.now().getTime() - options.unclaimedAfterMinutes * 60_000).toISOString();
    return { unclaimed: await store.unclaimedMpesaPayments(before) };
  });

  scope.get<{ Params: { id: string } }>('/admin/v1/kiosks/:id/events', async (request, reply) => {
    const query = eventsQuerySchema.safeParse(request.query);
    if (!query.success) return refuseInvalid(request, reply, 'invalid-query', query.error);
    return { events: await store.listEvents(request.params.id, query.data.after, query.data.limit) };
  });

  scope.post('/admin/v1/replica', { bodyLimit: REPLICA_EDITS_BODY_LIMIT }, async (request, reply) => {
    const body = replicaEditsSchema.safeParse(request.body);
    if (!body.success) return refuseInvalid(request, reply, 'invalid-edits', body.error);
    try {
      await store.writeReplica(body.data.edits);
    } catch (error) {
      // The database's reason names tables and columns, not values: the log keeps it, the answer does not.
      request.log.warn({ route: request.routeOptions.url, reason: error instanceof Error ? error.message : String(error) }, 'replica edit refused');
      return reply.code(422).send({ error: 'edit-refused' });
    }
    return reply.code(204).send();
  });
}
