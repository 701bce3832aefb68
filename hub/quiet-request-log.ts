import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * Fastify's request log without the two lines of every request that went well. At a fleet's
 * rate they cost the hub more than the requests: with 300 kiosks uploading an event a second,
 * redacting and writing them took about 40% of the hub's CPU (tests/bench/fleet-bench.ts,
 * FLEET_HUB_NODE_OPTIONS=--cpu-prof). A refused or failed request is still logged, with its
 * status and time, so a stranger's 401s and the hub's errors stay in the log.
 */
export class QuietRequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply, metadata?: Record<string, unknown>): void {
    if (error || reply.statusCode >= 400) super.requestCompleted(error, request, reply, metadata);
  }
}
