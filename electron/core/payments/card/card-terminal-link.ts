import { z } from 'zod';
import type { CardChargeRequest, CardChargeResult, CardTerminal, CardTransaction } from './card-terminal';

const resultSchema = z.union([
  z.object({ approved: z.literal(true), approvalCode: z.string().min(1).max(20), maskedPan: z.string().max(25), scheme: z.enum(['visa', 'mastercard']) }),
  z.object({ approved: z.literal(false), reason: z.enum(['declined', 'timeout', 'cancelled']) }),
]);
const transactionSchema = z.union([
  z.object({ reference: z.string(), amount: z.number().int(), status: z.literal('in-progress') }),
  z.object({ reference: z.string(), amount: z.number().int(), status: z.literal('done'), result: resultSchema }),
]);
const lastAnswerSchema = z.object({ transaction: transactionSchema.nullable() });

/** The link to a terminal failed or answered nonsense: how the charge ended is unknown. */
export class CardTerminalLinkError extends Error {
  constructor(detail: string) {
    super(`card terminal link: ${detail}`);
    this.name = 'CardTerminalLinkError';
  }
}

/** How long a "last transaction" question may take: the terminal answers from memory. */
const QUESTION_TIMEOUT_MS = 5_000;

/**
 * A card terminal service on the local network, over the terminal link protocol:
 * `POST /v1/charges` `{ amount, reference, idempotencyKey }` answers the charge's result
 * once the card holder is done; `GET /v1/transactions/last` answers the last charge the
 * terminal was given. It is the shape a vendor bridge implements; today the terminal
 * simulator serves it (simulators/card), so a test can run the terminal in its own process
 * and kill the kiosk mid-charge.
 */
export class CardTerminalLink implements CardTerminal {
  constructor(
    private readonly baseUrl: string,
    private readonly chargeTimeoutMs: number,
  ) {}

  async charge(request: CardChargeRequest): Promise<CardChargeResult> {
    const body = await this.exchange('/v1/charges', { method: 'POST', body: JSON.stringify(request) }, this.chargeTimeoutMs);
    return this.read(resultSchema, body);
  }

  async lastTransaction(): Promise<CardTransaction | null> {
    return this.read(lastAnswerSchema, await this.exchange('/v1/transactions/last', { method: 'GET' }, QUESTION_TIMEOUT_MS)).transaction;
  }

  private async exchange(path: string, init: { method: 'GET' | 'POST'; body?: string }, timeoutMs: number): Promise<unknown> {
    try {
      const response = await fetch(new URL(path, this.baseUrl), { ...init, headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok) throw new CardTerminalLinkError(`HTTP ${response.status}`);
      return (await response.json()) as unknown;
    } catch (error) {
      if (error instanceof CardTerminalLinkError) throw error;
      throw new CardTerminalLinkError(error instanceof Error ? error.message : String(error));
    }
  }

  private read<T>(schema: z.ZodType<T>, body: unknown): T {
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new CardTerminalLinkError('unreadable answer');
    return parsed.data;
  }
}
