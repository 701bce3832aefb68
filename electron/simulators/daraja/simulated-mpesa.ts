import { kenyaTimestamp } from '@shared/kenya/time';
import { newCheckoutRequestId, newMpesaReceiptNumber, newRequestId } from './daraja-ids';
import type { ValidPush } from './request-validation';
import type { Scenario } from './scenarios';
import type { SimulatedResult, SimulatedTransaction } from './simulated-transaction';
import { stkCallbackBody } from './stk-callback-body';
import { Timers } from './timers';

export interface SimulatorDelays {
  /** From push to the simulated customer's answer. */
  readonly resultMs: number;
  /** How long the `slow-answer` scenario holds the push's HTTP answer. */
  readonly slowAnswerMs: number;
  /** How long the `no-answer` scenario stays pending before it ends in 1037. */
  readonly noAnswerMs: number;
  /** Between the two posts of the `duplicate-callback` scenario. */
  readonly duplicateCallbackGapMs: number;
  /** How long one callback post may take before it counts as failed. */
  readonly callbackTimeoutMs: number;
}

export const DEFAULT_DELAYS: SimulatorDelays = {
  resultMs: 1_000,
  slowAnswerMs: 20_000,
  noAnswerMs: 60_000,
  duplicateCallbackGapMs: 500,
  callbackTimeoutMs: 5_000,
};

/** The M-Pesa side of the simulator: pushes, the simulated customers' answers, callbacks. */
export class SimulatedMpesa {
  private readonly transactions = new Map<string, SimulatedTransaction>();
  private readonly timers = new Timers();
  private readonly closing = new AbortController();
  private callbacksPosted = 0;

  constructor(private readonly delays: SimulatorDelays) {}

  startPush(push: ValidPush, scenario: Scenario): SimulatedTransaction {
    const now = new Date();
    const transaction: SimulatedTransaction = {
      ...push,
      merchantRequestId: newRequestId(),
      checkoutRequestId: newCheckoutRequestId(now),
      scenario: scenario.name,
      createdAt: now.toISOString(),
      callbacksDelivered: 0,
      callbackFailures: [],
    };
    this.transactions.set(transaction.checkoutRequestId, transaction);
    const settleAfter = scenario.settlesAfter === 'no-answer' ? this.delays.noAnswerMs : this.delays.resultMs;
    this.timers.after(settleAfter, () => void this.settle(transaction, scenario));
    return transaction;
  }

  find(checkoutRequestId: string): SimulatedTransaction | undefined {
    return this.transactions.get(checkoutRequestId);
  }

  list(): SimulatedTransaction[] {
    return [...this.transactions.values()];
  }

  /** Holds an HTTP answer (the slow scenario); cut short when the simulator closes. */
  hold(): Promise<void> {
    return this.timers.sleep(this.delays.slowAnswerMs);
  }

  close(): void {
    this.timers.cancelAll();
    this.closing.abort();
  }

  private async settle(transaction: SimulatedTransaction, scenario: Scenario): Promise<void> {
    const now = new Date();
    const result: SimulatedResult = {
      resultCode: scenario.resultCode,
      resultDesc: scenario.resultDesc,
      ...(scenario.resultCode === 0 && { receiptNumber: newMpesaReceiptNumber(), transactionDate: kenyaTimestamp(now) }),
      settledAt: now.toISOString(),
    };
    transaction.result = result;
    for (let post = 0; post < scenario.callbacks; post += 1) {
      if (post > 0) await this.timers.sleep(this.delays.duplicateCallbackGapMs);
      if (this.closing.signal.aborted) return;
      await this.postCallback(transaction, result);
    }
  }

  /** Posts where the push asked; an unreachable URL is recorded, never fatal (as with Daraja). */
  private async postCallback(transaction: SimulatedTransaction, result: SimulatedResult): Promise<void> {
    const body = stkCallbackBody(transaction, result, this.callbacksPosted++);
    try {
      const response = await fetch(transaction.callbackUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.any([this.closing.signal, AbortSignal.timeout(this.delays.callbackTimeoutMs)]),
      });
      await response.arrayBuffer();
      if (response.ok) transaction.callbacksDelivered += 1;
      else transaction.callbackFailures.push(`HTTP ${response.status}`);
    } catch (error) {
      transaction.callbackFailures.push(error instanceof Error ? error.message : String(error));
    }
  }
}
