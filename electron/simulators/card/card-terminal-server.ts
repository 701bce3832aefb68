import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { z } from 'zod';
import { closePromptly } from '@shared/node/http/close-promptly';
import { CardTerminalSimulator, type CardTerminalSimulatorOptions } from '../../core/payments/card/card-terminal-simulator';

const chargeSchema = z.object({
  amount: z.number().int().positive(),
  reference: z.string().min(1).max(40),
  idempotencyKey: z.string().min(1).max(64),
});

export interface CardTerminalServer {
  readonly url: string;
  readonly terminal: CardTerminalSimulator;
  close(): Promise<void>;
}

/**
 * The card terminal simulator served over the terminal link protocol (see
 * CardTerminalLink), on loopback: a terminal that outlives the kiosk that talks to it.
 * `GET /__simulator/charges` lists what it took, for tests.
 */
export async function startCardTerminalServer(options: CardTerminalSimulatorOptions & { port?: number } = {}): Promise<CardTerminalServer> {
  const terminal = new CardTerminalSimulator(options);
  const app = Fastify({ logger: false });
  closePromptly(app);
  app.post('/v1/charges', async (request, reply) => {
    const charge = chargeSchema.safeParse(request.body);
    if (!charge.success) return reply.code(400).send({ error: 'invalid-charge' });
    return terminal.charge(charge.data);
  });
  app.get('/v1/transactions/last', async () => ({ transaction: await terminal.lastTransaction() }));
  app.get('/__simulator/charges', async () => ({ charges: terminal.charges() }));
  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, terminal, close: () => app.close() };
}
