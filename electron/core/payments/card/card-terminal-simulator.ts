import { randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { IdempotencyKeyReusedError, type CardChargeRequest, type CardChargeResult, type CardTerminal, type CardTransaction } from './card-terminal';

export type SimulatedCardOutcome = 'approve' | 'decline' | 'timeout' | 'cancel';

export interface CardTerminalSimulatorOptions {
  /** Outcomes for the next charges, in order; once used up, the amount decides. */
  readonly script?: readonly SimulatedCardOutcome[];
  /** How long the simulated card holder takes at the terminal (a real one takes seconds). */
  readonly delayMs?: number;
}

/** A charge that took money: what the card holder's statement would show. */
export interface SimulatedCharge {
  readonly amount: number;
  readonly reference: string;
  readonly approvalCode: string;
}

/** The one card the simulated card holders carry. */
const SIMULATED_CARD = { maskedPan: '476173******0119', scheme: 'visa' } as const;

/**
 * Amounts that script themselves, for the demo and end-to-end tests: ending in 51 is
 * declined, 52 times out, 53 is cancelled at the terminal; any other amount is approved.
 */
function outcomeForAmount(amount: number): SimulatedCardOutcome {
  const ending = amount % 100;
  if (ending === 51) return 'decline';
  if (ending === 52) return 'timeout';
  if (ending === 53) return 'cancel';
  return 'approve';
}

const REFUSALS = { decline: 'declined', timeout: 'timeout', cancel: 'cancelled' } as const;

/** An in-process card terminal: the stand-in for a vendor SDK adapter. */
export class CardTerminalSimulator implements CardTerminal {
  private readonly script: SimulatedCardOutcome[];
  private readonly delayMs: number;
  private readonly attempts = new Map<string, { amount: number; reference: string; result: Promise<CardChargeResult> }>();
  private readonly taken: SimulatedCharge[] = [];
  private last: CardTransaction | null = null;

  constructor(options: CardTerminalSimulatorOptions = {}) {
    this.script = [...(options.script ?? [])];
    this.delayMs = options.delayMs ?? 0;
  }

  charge(request: CardChargeRequest): Promise<CardChargeResult> {
    const earlier = this.attempts.get(request.idempotencyKey);
    if (earlier) {
      if (earlier.amount !== request.amount || earlier.reference !== request.reference) {
        return Promise.reject(new IdempotencyKeyReusedError(request.idempotencyKey));
      }
      return earlier.result;
    }
    // Registered before the first await, so a concurrent repeat shares this very charge.
    this.last = { reference: request.reference, amount: request.amount, status: 'in-progress' };
    const result = this.run(request, this.script.shift() ?? outcomeForAmount(request.amount));
    this.attempts.set(request.idempotencyKey, { amount: request.amount, reference: request.reference, result });
    void result.then((done) => {
      if (this.last?.reference === request.reference) this.last = { reference: request.reference, amount: request.amount, status: 'done', result: done };
    });
    return result;
  }

  lastTransaction(): Promise<CardTransaction | null> {
    return Promise.resolve(this.last);
  }

  /** Every charge that took money, once each. */
  charges(): readonly SimulatedCharge[] {
    return [...this.taken];
  }

  private async run(request: CardChargeRequest, outcome: SimulatedCardOutcome): Promise<CardChargeResult> {
    if (this.delayMs > 0) await sleep(this.delayMs);
    if (outcome !== 'approve') return { approved: false, reason: REFUSALS[outcome] };
    const approvalCode = String(randomInt(1_000_000)).padStart(6, '0');
    this.taken.push({ amount: request.amount, reference: request.reference, approvalCode });
    return { approved: true, approvalCode, ...SIMULATED_CARD };
  }
}
