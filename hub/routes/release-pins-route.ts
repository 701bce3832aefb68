import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PinError, pinRelease, readPins } from '../updates/release-pins';

const pinBodySchema = z.object({ version: z.string() }).strict();

/** The back office's view and control of which release each centre runs; in the admin scope, behind its token. */
export function releasePinsRoutes(scope: FastifyInstance, releasesDir: string): void {
  scope.get('/admin/v1/updates/pins', async () => ({ centres: await readPins(releasesDir) }));

  scope.put<{ Params: { centre: string } }>('/admin/v1/updates/pins/:centre', async (request, reply) => {
    const body = pinBodySchema.safeParse(request.body);
    if (!body.success) return reply.code(400).send({ error: 'invalid-pin' });
    try {
      const centres = await pinRelease(releasesDir, request.params.centre, body.data.version);
      request.log.info({ route: request.routeOptions.url, centre: request.params.centre, version: body.data.version }, 'centre pinned');
      return { centres };
    } catch (error) {
      if (!(error instanceof PinError)) throw error;
      return reply.code(422).send({ error: 'pin-refused', reason: error.message });
    }
  });
}
