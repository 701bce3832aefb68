import type { Socket } from 'node:net';
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';

/**
 * Lets a Fastify server close without waiting on connections that carry no request. Node
 * ends idle keep-alive connections on close, but not two kinds, and `close()` waited on them:
 * - a connection that has sent nothing yet, or half a request head: Node counts it as busy
 *   (its headers timeout runs), and stops checking that timeout once the server closes. A
 *   client's fetch aborted while it was connecting left one such open;
 * - a connection whose request is being answered: after its answer the client keeps it alive
 *   for Fastify's keepAliveTimeout (72 s).
 * From close on, the first kind is ended at once; the second gets its answer, which says
 * `Connection: close`, and then ends. Call before registering routes.
 */
export function closePromptly<Log extends FastifyBaseLogger>(app: FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, Log>): void {
  let closing = false;
  const connections = new Set<Socket>();
  const answering = new Set<Socket>();
  app.server.on('connection', (socket: Socket) => {
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
  });
  app.server.on('request', (request, response) => {
    const { socket } = request;
    answering.add(socket);
    response.once('close', () => {
      answering.delete(socket);
      // An answer sent just before close began still said keep-alive.
      if (closing) socket.end();
    });
  });
  app.addHook('preClose', async () => {
    closing = true;
    for (const socket of connections) if (!answering.has(socket)) socket.destroy();
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });
}
