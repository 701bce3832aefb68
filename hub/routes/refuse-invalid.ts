import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';

/**
 * A 400 with a stable code and nothing of the validator's wording or the fields it looked
 * at: those help a prober more than a kiosk. The detail stays in the hub's log (issue codes
 * and paths only, never values).
 */
export function refuseInvalid(request: FastifyRequest, reply: FastifyReply, code: string, error: z.ZodError): FastifyReply {
  request.log.warn({ route: request.routeOptions.url, refused: code, issues: error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.code}`) }, 'invalid request refused');
  return reply.code(400).send({ error: code });
}
